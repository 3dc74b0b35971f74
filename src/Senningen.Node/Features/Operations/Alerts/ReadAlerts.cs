using Senningen.Contracts.Operations;
using Senningen.Contracts.Users;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Officers;

namespace Senningen.Node.Features.Operations.Alerts;

/// <summary>
/// Reading alerts, for the API and the alerts page: control rooms see all of this node's, the national desk (liaison)
/// the escalated ones. An alert describes a suspect, so every alert shown is audited as the current officer's.
/// </summary>
internal sealed class ReadAlerts(AlertReader reader, CurrentOfficer officer, Texts texts)
{
    private static readonly TimeSpan ClosedShownFor = TimeSpan.FromHours(12);

    /// <summary>Not a control room: sees only what was escalated to the national desk.</summary>
    public bool IsNationalDesk => !officer.IsInRole(Roles.ControlRoom);

    /// <summary>Open, acknowledged and escalated alerts, newest first, and those closed in the last twelve hours.</summary>
    /// <param name="seen">
    /// Alerts this reader was already shown (and audited for); the new ones are added. Null audits every alert listed;
    /// a live page passes its own set, so an operator is audited once per alert and page.
    /// </param>
    public async Task<IReadOnlyList<AlertView>> ListAsync(ISet<Guid>? seen, CancellationToken ct)
    {
        var alerts = await reader.ListAsync(Texts.CurrentLanguage, ClosedShownFor, IsNationalDesk, ct);
        var unseen = alerts.Where(a => seen?.Add(a.Id) ?? true).Select(a => a.Id).ToList();
        await reader.AuditReadAsync(unseen, null, officer.Actor, ct);
        return alerts;
    }

    public async Task<Outcome<AlertView>> GetAsync(Guid id, CancellationToken ct) =>
        await reader.GetAsync(id, Texts.CurrentLanguage, officer.Actor, ct) is { } view ? view : Failure.NotFound(texts, texts["alerts.alert"]);
}

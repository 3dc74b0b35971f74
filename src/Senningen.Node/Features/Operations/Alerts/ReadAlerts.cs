using Senningen.Contracts.Operations;
using Senningen.Contracts.Users;
using Senningen.Core.Access;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Officers;
using Senningen.Node.Common.Security;
using Senningen.Node.Common.Paging;

namespace Senningen.Node.Features.Operations.Alerts;

/// <summary>
/// Reading alerts, for the API and the alerts page, within the reader's need to know: a control room sees the alerts
/// of the zones it answers for, the national desk (liaison) the escalated ones, the DPO all of them; an alert outside
/// the reach is not found and the attempt an audited denial. An alert describes a suspect, so every alert shown is
/// audited as the current officer's.
/// </summary>
internal sealed class ReadAlerts(AlertReader reader, CurrentOfficer officer, NeedToKnowGuard guard, Texts texts)
{
    private static readonly TimeSpan ClosedShownFor = TimeSpan.FromHours(12);

    /// <summary>The desk, not a control room: works on what was escalated to it.</summary>
    public bool IsNationalDesk => officer.IsInRole(Roles.LiaisonOfficer) && !officer.IsInRole(Roles.ControlRoom);

    /// <summary>Open, acknowledged and escalated alerts, newest first, and those closed in the last twelve hours.</summary>
    /// <param name="seen">
    /// Alerts this reader was already shown (and audited for); the new ones are added. Null audits every alert listed;
    /// a live page passes its own set, so an operator is audited once per alert and page.
    /// </param>
    public async Task<IReadOnlyList<AlertView>> ListAsync(ISet<Guid>? seen, CancellationToken ct, PageRequest? page = null)
    {
        var alerts = await reader.ListAsync(guard.Scope(Capability.Alerts, AccessKind.Read), Texts.CurrentLanguage, ClosedShownFor, IsNationalDesk,
            page ?? PageRequest.First(ListDefault), ct);
        // The pager's row past the limit is not shown: not audited, and not given to a page that asked for none.
        var shown = (page ?? PageRequest.First(ListDefault)).Shown(alerts.Count);
        var unseen = alerts.Take(shown).Where(a => seen?.Add(a.Id) ?? true).Select(a => a.Id).ToList();
        await reader.AuditReadAsync(unseen, null, officer.Actor, ct);
        return page is null ? [.. alerts.Take(shown)] : alerts;
    }

    /// <summary>The alerts a screen shows, and a call without <c>limit</c> gets: the bound the list always kept.</summary>
    public const int ListDefault = 100;

    public async Task<Outcome<AlertView>> GetAsync(Guid id, CancellationToken ct) =>
        await reader.OwnerAsync(id, ct) is { } owner && await guard.CheckAsync(Capability.Alerts, AccessKind.Read, owner, $"alert:{id}", ct)
            && await reader.GetAsync(id, Texts.CurrentLanguage, officer.Actor, ct) is { } view
            ? view
            : Failure.NotFound(texts, texts["alerts.alert"]);

    /// <summary>Whether the reader may act on the alert (acknowledge it): the page offers the button only then.</summary>
    public bool MayChange(AlertView alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return guard.Allows(Capability.Alerts, AccessKind.Change, Owner.Of(null, alert.Zone));
    }
}

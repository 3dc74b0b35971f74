using Microsoft.EntityFrameworkCore;
using Senningen.Core.Countries;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.Data;

namespace Senningen.Node.Features.Operations.Alerts;

/// <summary>
/// A foreign operation's alerts belong to the country that sent its first crossing, its home country: only that node
/// may move, end or re-route them. Another partner that learned the operation's id (its own alert shows it) may not.
/// </summary>
internal static class AlertOwnership
{
    /// <summary>On receipt: refused when this node already holds alerts of the operation from another country.</summary>
    public static async ValueTask<string?> RefusalAsync(SenningenDbContext db, Guid operationId, CountryCode sender, CancellationToken ct) =>
        await db.Alerts.AsNoTracking().AnyAsync(a => a.OperationId == operationId && a.FromCountry != sender, ct)
            ? RejectionReasons.NotOperationOwner
            : null;

    /// <summary>
    /// When handled, over the alerts as they now are (with those added earlier in the same unit of work): false, and
    /// the denial audited, when any of them came from another country. <paramref name="mustHaveOne"/>: the message
    /// only makes sense after a crossing of the sender (positions), so no alert at all is a denial too.
    /// </summary>
    public static bool Allows(IReadOnlyCollection<Alert> alerts, InboxMessage message, Guid operationId, AuditLog audit, NodeSettings settings,
        bool mustHaveOne = false)
    {
        var others = alerts.Where(a => a.FromCountry != message.Sender).Select(a => a.FromCountry.Value).Distinct().ToList();
        if (others.Count == 0 && (!mustHaveOne || alerts.Count > 0))
        {
            return true;
        }

        Deny(message, operationId, others.Count > 0 ? $"whose alerts came from {string.Join(", ", others)}" : "it never announced with a crossing",
            audit, settings);
        return false;
    }

    /// <summary>The one audit entry of a handled message refused for speaking about another country's operation.</summary>
    public static void Deny(InboxMessage message, Guid operationId, string why, AuditLog audit, NodeSettings settings) =>
        audit.Add(new AuditRecord(AuditActions.MessageRefused, AuditOutcomes.Denied, [$"message:{message.Id}", $"operation:{operationId}"],
            CaseReference: message.CaseReference,
            Detail: $"{message.Type} from {message.Sender} about an operation {why}: {RejectionReasons.NotOperationOwner}"), Actor.Node(settings));
}

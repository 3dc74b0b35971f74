using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Core.Countries;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Consultation.Messages;

namespace Senningen.Node.Features.Consultation.Answering;

/// <summary>
/// The answering node's quota of queries per partner and context within the hour (<see cref="ConsultationQuotas"/>),
/// checked on receipt: the queries counted are those this node accepted in the last hour (its inbox keeps them, and
/// refused ones were never stored), plus those accepted earlier in the same request. The first refusal of a partner and
/// context within the hour also alerts the DPO (an entry the DPO's dashboard counts, as the volume alert does).
/// </summary>
internal sealed class QueryQuota(ConsultationQuotas quotas, AuditLog audit, NodeSettings settings, TimeProvider clock, PayloadProtection protection)
{
    private readonly Dictionary<(CountryCode, string), int> _acceptedHere = [];
    private readonly HashSet<(CountryCode, string)> _alertedHere = [];

    public async ValueTask<string?> RefusalAsync(CountryCode sender, QueryPayload query, SenningenDbContext db, CancellationToken ct)
    {
        var limit = quotas.For(sender, query.Context);
        var since = WireMapping.Truncate(clock.GetUtcNow() - ConsultationQuotas.Window);
        var payloads = await db.Inbox.AsNoTracking().Where(m => m.Sender == sender && m.Type == QueryPayload.Type && m.ReceivedAt > since)
            .Select(m => new { m.Id, m.Payload }).ToListAsync(ct);
        // Stored encrypted (ADR 0029): the context is read from each accepted query opened again.
        var count = payloads.Select(p => protection.OpenStored(p.Id, p.Payload)).Count(p => p is not null
                && string.Equals(JsonSerializer.Deserialize<QueryPayload>(p, WireMapping.Json)?.Context, query.Context, StringComparison.Ordinal))
            + _acceptedHere.GetValueOrDefault((sender, query.Context));
        if (count < limit)
        {
            _acceptedHere[(sender, query.Context)] = _acceptedHere.GetValueOrDefault((sender, query.Context)) + 1;
            return null;
        }

        var alerted = await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.ConsultationQuotaAlert && e.Recipient == sender.Value
            && e.OccurredAt > since && e.Records == Subject(sender, query.Context), ct);
        if (!alerted && _alertedHere.Add((sender, query.Context)))
        {
            audit.Add(new AuditRecord(AuditActions.ConsultationQuotaAlert, AuditOutcomes.Denied, [Subject(sender, query.Context)], Recipient: sender.Value,
                Detail: $"{sender} sent more than its {limit} {query.Context} queries within {ConsultationQuotas.Window}: further ones are refused " +
                $"({RejectionReasons.ConsultationQuotaExceeded}) until the hour allows them again"), Actor.Node(settings));
        }

        return RejectionReasons.ConsultationQuotaExceeded;
    }

    private static string Subject(CountryCode sender, string context) => $"consultation-quota:{sender.Value}:{context}";
}

using Senningen.Core.Audit;
using Senningen.Node.Common.Audit;

namespace Senningen.Bench.Audit;

/// <summary>The one audit fact set every audit benchmark writes or hashes: a typical consultation entry.</summary>
internal static class AuditRows
{
    public static readonly Actor Officer = new("officer", "PZ Noorderkempen", "BE");

    public static readonly AuditRecord Consultation = new(AuditActions.AuditRead, AuditOutcomes.Success,
        ["plate:1-ABC-123", "case:BE-2026-00042"], Purpose: "hot pursuit into NL", CaseReference: "BE-2026-00042",
        Detail: "query by plate");

    public static AuditEntry Plain(long sequence, long occurredAtUnixMs) => new()
    {
        Sequence = sequence,
        OccurredAt = DateTimeOffset.FromUnixTimeMilliseconds(occurredAtUnixMs),
        Actor = Officer.Name,
        ActorUnit = Officer.Unit,
        ActorCountry = Officer.Country,
        Action = Consultation.Action,
        Outcome = Consultation.Outcome,
        Records = string.Join('\n', Consultation.Records!),
        Purpose = Consultation.Purpose,
        CaseReference = Consultation.CaseReference,
        Recipient = Consultation.Recipient,
        Detail = Consultation.Detail,
    };

    public static AuditFacts Facts(long sequence) => new(sequence, 1_795_000_000_000, Officer.Name, Officer.Unit, Officer.Country,
        Consultation.Action, Consultation.Outcome, string.Join('\n', Consultation.Records!), Consultation.Purpose,
        Consultation.CaseReference, Consultation.Recipient, Consultation.Detail);
}

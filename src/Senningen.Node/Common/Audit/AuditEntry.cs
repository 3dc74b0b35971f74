namespace Senningen.Node.Common.Audit;

/// <summary>
/// One row of the append-only audit log. Sequence and hashes are assigned when the entry is saved
/// (see <see cref="Persistence.SenningenDbContext"/>), never by the code that records it.
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; set; }

    /// <summary>Milliseconds since the Unix epoch, UTC: the precision every provider stores exactly.</summary>
    public long OccurredAtUnixMs { get; set; }

    public string Actor { get; set; } = "";

    public string ActorUnit { get; set; } = "";

    public string ActorCountry { get; set; } = "";

    public string Action { get; set; } = "";

    public string Outcome { get; set; } = "";

    /// <summary>The records concerned, as "kind:id" separated by new lines.</summary>
    public string Records { get; set; } = "";

    public string? Purpose { get; set; }

    public string? CaseReference { get; set; }

    public string? Recipient { get; set; }

    public string? Detail { get; set; }

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";

    public DateTimeOffset OccurredAt => DateTimeOffset.FromUnixTimeMilliseconds(OccurredAtUnixMs);

    internal Core.Audit.AuditFacts ToFacts() => new(Sequence, OccurredAtUnixMs, Actor, ActorUnit, ActorCountry, Action, Outcome,
        Records, Purpose, CaseReference, Recipient, Detail);
}

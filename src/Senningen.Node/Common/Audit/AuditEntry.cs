namespace Senningen.Node.Common.Audit;

/// <summary>
/// One row of the append-only audit log. Sequence and hashes are assigned when the entry is saved
/// (see <see cref="Persistence.SenningenDbContext"/>), never by the code that records it.
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; set; }

    /// <summary>When it happened, in whole milliseconds (stored as Unix milliseconds, UTC: the precision every provider stores exactly).</summary>
    public DateTimeOffset OccurredAt { get; set; }

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

    // The chain hashes the Unix milliseconds, exactly as the column holds them.
    internal Core.Audit.AuditFacts ToFacts() => new(Sequence, OccurredAt.ToUnixTimeMilliseconds(), Actor, ActorUnit, ActorCountry, Action, Outcome,
        Records, Purpose, CaseReference, Recipient, Detail);
}

namespace Senningen.Node.Common.Audit;

/// <summary>
/// One row of the append-only audit log. <see cref="Sequence"/> is the entry's id, given by the database when the
/// entry is inserted; its place in the log's Merkle tree (<see cref="LeafIndex"/>, <see cref="LeafHash"/>) is given
/// afterwards by the audit sequencer, never by the code that records it, so no business save waits for the log's tail.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>The entry's id (a database identity). Entries written before the Merkle tree were numbered 1, 2, … by the chain.</summary>
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

    /// <summary>The legacy hash chain's link (entries written before the Merkle tree); null for later entries.</summary>
    public string? PreviousHash { get; set; }

    /// <summary>The legacy hash chain's hash (entries written before the Merkle tree); null for later entries.</summary>
    public string? Hash { get; set; }

    /// <summary>The entry's place among the leaves of the log's Merkle tree; null until the sequencer integrates it.</summary>
    public long? LeafIndex { get; set; }

    /// <summary>The leaf hash the sequencer computed from the entry's facts (<c>AuditLeaf.Hash</c>); null until integrated.</summary>
    public byte[]? LeafHash { get; set; }

    // The chain and the leaves hash the Unix milliseconds, exactly as the column holds them.
    internal Core.Audit.AuditFacts ToFacts() => new(Sequence, OccurredAt.ToUnixTimeMilliseconds(), Actor, ActorUnit, ActorCountry, Action, Outcome,
        Records, Purpose, CaseReference, Recipient, Detail);
}

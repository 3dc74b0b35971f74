namespace Senningen.Core.Audit;

/// <summary>One stored entry as read back: its facts and the hashes it claims.</summary>
public readonly record struct StoredAuditLink(AuditFacts Facts, string PreviousHash, string Hash);

/// <summary>Where a walk of the chain stopped, if it did.</summary>
public readonly record struct AuditBreak(long Sequence, string Problem);

/// <summary>Walks stored entries in sequence order and names the first one that does not fit the chain.</summary>
public sealed class AuditChainCheck
{
    private string _expectedPrevious = AuditChain.Genesis;
    private long _expectedSequence = 1;

    public long Checked { get; private set; }

    public string HeadHash => _expectedPrevious;

    /// <summary>Feeds the next entry; returns the break if this entry is the first broken one.</summary>
    public AuditBreak? Next(in StoredAuditLink link)
    {
        var facts = link.Facts;
        if (facts.Sequence != _expectedSequence)
        {
            return new AuditBreak(_expectedSequence, $"entry #{_expectedSequence} is missing (next stored entry is #{facts.Sequence})");
        }

        if (!string.Equals(link.PreviousHash, _expectedPrevious, StringComparison.Ordinal))
        {
            return new AuditBreak(facts.Sequence, "its previous-hash does not match the hash of the entry before it");
        }

        var recomputed = AuditChain.ComputeHash(link.PreviousHash, facts);
        if (!string.Equals(recomputed, link.Hash, StringComparison.Ordinal))
        {
            return new AuditBreak(facts.Sequence, "its content does not match its hash (the entry was altered)");
        }

        _expectedPrevious = link.Hash;
        _expectedSequence++;
        Checked++;
        return null;
    }
}

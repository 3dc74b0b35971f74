using Senningen.Core.Audit.Merkle;

namespace Senningen.Core.Audit.Witness;

/// <summary>
/// What a witness decides about a partner's new tree head, given the one it already holds (RFC 9162 §8.1.2 for a
/// monitor): the new head must grow the old tree, never cut or rewrite it, and never go back in time.
/// </summary>
public static class HeadWitness
{
    /// <summary>
    /// Null when <paramref name="incoming"/> may replace <paramref name="held"/> (none on first contact); otherwise the
    /// rule it breaks. <paramref name="fromSize"/> and <paramref name="proof"/> are what the publisher sent: a consistency
    /// proof from the size it believes is held here.
    /// </summary>
    public static string? Check(TreeHead? held, TreeHead incoming, long? fromSize, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(proof);
        if (held is null || held.Size == 0 && incoming.Size >= 0 && incoming.TimestampUnixMs >= held.TimestampUnixMs)
        {
            return null;
        }

        if (incoming.Size < held.Size)
        {
            return WitnessRules.SizeShrank;
        }

        if (incoming.TimestampUnixMs < held.TimestampUnixMs)
        {
            return WitnessRules.TimeBackwards;
        }

        if (incoming.Size == held.Size)
        {
            return incoming.RootHash.AsSpan().SequenceEqual(held.RootHash) ? null : WitnessRules.RootChanged;
        }

        if (fromSize != held.Size)
        {
            return WitnessRules.ProofFromUnknownSize;
        }

        return MerkleProofs.VerifyConsistency(held.Size, incoming.Size, held.RootHash, incoming.RootHash, proof) ? null : WitnessRules.Inconsistent;
    }
}

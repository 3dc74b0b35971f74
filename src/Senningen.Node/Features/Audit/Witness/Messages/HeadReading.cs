using Senningen.Contracts.Audit;
using Senningen.Core.Audit.Merkle;
using Senningen.Core.Audit.Witness;
using Senningen.Node.Features.Audit.Tree;

namespace Senningen.Node.Features.Audit.Witness.Messages;

/// <summary>Reads a head and a proof from the wire, naming the rule a malformed one breaks.</summary>
internal static class HeadReading
{
    public static (TreeHead? Head, string? Rule) Read(SignedTreeHead head)
    {
        if (head.Size < 0)
        {
            return (null, WitnessRules.SizeNegative);
        }

        if (!IsHash(head.RootHash))
        {
            return (null, WitnessRules.RootNotHex);
        }

        if (head.Timestamp == default)
        {
            return (null, WitnessRules.TimestampMissing);
        }

        return TreeHeadSignatures.Read(head) is { } read ? (read, null) : (null, WitnessRules.CountryNotSender);
    }

    public static IReadOnlyList<byte[]>? Proof(IReadOnlyList<string>? proof) =>
        proof is null ? [] : proof.All(IsHash) ? [.. proof.Select(Convert.FromHexString)] : null;

    public static bool IsHash(string? text) =>
        text is { Length: 2 * MerkleHash.Length } && text.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}

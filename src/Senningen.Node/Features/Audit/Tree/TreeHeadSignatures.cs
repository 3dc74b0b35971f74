using System.Security.Cryptography;
using Senningen.Contracts.Audit;
using Senningen.Core.Audit.Merkle;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Exchange;

namespace Senningen.Node.Features.Audit.Tree;

/// <summary>Signs this node's tree heads with its exchange key, and reads and checks the heads partners sign.</summary>
public static class TreeHeadSignatures
{
    public static SignedTreeHead Sign(TreeHead head, NodeSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(key);
        return new SignedTreeHead(head.Country, head.Size, Convert.ToHexStringLower(head.RootHash),
            DateTimeOffset.FromUnixTimeMilliseconds(head.TimestampUnixMs), key.KeyId, Es256.Sign(key.Key, head.SignedBytes()));
    }

    /// <summary>The head as signed, or null when it is malformed (negative size, a root that is not 64 hex digits, no country).</summary>
    public static TreeHead? Read(SignedTreeHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        if (head.Size < 0 || head.Country is not { Length: 2 } || head.RootHash is not { Length: 2 * MerkleHash.Length }
            || !head.RootHash.All(Uri.IsHexDigit) || head.RootHash.Any(char.IsUpper))
        {
            return null;
        }

        return new TreeHead(head.Country, head.Size, Convert.FromHexString(head.RootHash), head.Timestamp.ToUnixTimeMilliseconds());
    }

    /// <summary>True when the head is well formed and <paramref name="publicKey"/> signed exactly it.</summary>
    public static bool Verify(SignedTreeHead head, ECDsa publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return Read(head) is { } read && Es256.Verify(publicKey, read.SignedBytes(), head.Signature);
    }
}

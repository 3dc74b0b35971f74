using System.Security.Cryptography;

namespace Senningen.Core.Audit.Merkle;

/// <summary>
/// The hashes of RFC 9162 §2.1.1: SHA-256 with a one-byte prefix that keeps leaves and interior nodes apart, so no
/// leaf can be passed off as a node (the second-preimage attack on plain Merkle trees).
/// </summary>
public static class MerkleHash
{
    public const int Length = 32;

    /// <summary>The root of the empty tree: the hash of nothing.</summary>
    public static byte[] Empty() => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    public static byte[] Leaf(ReadOnlySpan<byte> data)
    {
        var buffer = new byte[data.Length + 1];
        data.CopyTo(buffer.AsSpan(1));
        return SHA256.HashData(buffer);
    }

    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> buffer = stackalloc byte[1 + (2 * Length)];
        buffer[0] = 1;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + Length)..]);
        return SHA256.HashData(buffer);
    }
}

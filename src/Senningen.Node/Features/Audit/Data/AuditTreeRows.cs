namespace Senningen.Node.Features.Audit.Data;

/// <summary>
/// A perfect subtree of the log's Merkle tree (level 0: one leaf), stored once it is complete: it never changes after,
/// and any proof or root is made from O(log n) of them (<c>MerkleProofs</c>).
/// </summary>
public sealed class AuditTreeNode
{
    public int Level { get; set; }

    public long Index { get; set; }

    public byte[] Hash { get; set; } = [];
}

/// <summary>A tree head this node signed: the tree of its first <see cref="Size"/> entries had this root at that time.</summary>
public sealed class AuditTreeHead
{
    public long Size { get; set; }

    public string Country { get; set; } = "";

    public byte[] RootHash { get; set; } = [];

    public long TimestampUnixMs { get; set; }

    public string KeyId { get; set; } = "";

    public string Signature { get; set; } = "";
}

namespace Senningen.Core.Audit.Merkle;

/// <summary>
/// A perfect subtree: the 2^<see cref="Level"/> leaves from <c>Index · 2^Level</c>. Level 0 is a leaf. Only perfect
/// subtrees are stored: they never change once complete, and every other hash of the tree is made from a few of them.
/// </summary>
public readonly record struct MerkleNodeId(int Level, long Index)
{
    public long FirstLeaf => Index << Level;

    public long LeafCount => 1L << Level;
}

namespace Senningen.Core.Audit.Merkle;

/// <summary>
/// The right edge of a growing tree: the roots of its perfect subtrees, one per bit of its size, largest first. That
/// is all an appender needs (O(log n) hashes) to add leaves, to learn which perfect nodes each leaf completes, and to
/// compute the root.
/// </summary>
public sealed class MerkleFrontier
{
    private readonly List<(int Level, byte[] Hash)> _peaks = [];

    public long Size { get; private set; }

    /// <summary>The perfect subtrees whose roots make up a tree of <paramref name="size"/> leaves, largest first.</summary>
    public static IReadOnlyList<MerkleNodeId> PeaksOf(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var peaks = new List<MerkleNodeId>();
        long start = 0;
        for (var level = 62; level >= 0; level--)
        {
            if ((size & (1L << level)) != 0)
            {
                peaks.Add(new MerkleNodeId(level, start >> level));
                start += 1L << level;
            }
        }

        return peaks;
    }

    /// <summary>Resumes a tree of <paramref name="size"/> leaves from the hashes of <see cref="PeaksOf"/>, in that order.</summary>
    public static MerkleFrontier Restore(long size, IReadOnlyList<byte[]> peakHashes)
    {
        ArgumentNullException.ThrowIfNull(peakHashes);
        var ids = PeaksOf(size);
        if (ids.Count != peakHashes.Count)
        {
            throw new ArgumentException($"A tree of {size} leaves has {ids.Count} peaks, not {peakHashes.Count}.", nameof(peakHashes));
        }

        var frontier = new MerkleFrontier { Size = size };
        for (var i = 0; i < ids.Count; i++)
        {
            frontier._peaks.Add((ids[i].Level, peakHashes[i]));
        }

        return frontier;
    }

    /// <summary>An independent copy, to grow while this one stays as it is (until the growth is stored).</summary>
    public MerkleFrontier Clone()
    {
        var copy = new MerkleFrontier { Size = Size };
        copy._peaks.AddRange(_peaks);
        return copy;
    }

    /// <summary>Adds one leaf; returns every perfect node it completes, the leaf itself first.</summary>
    public IReadOnlyList<(MerkleNodeId Id, byte[] Hash)> Append(byte[] leafHash)
    {
        ArgumentNullException.ThrowIfNull(leafHash);
        var completed = new List<(MerkleNodeId, byte[])> { (new MerkleNodeId(0, Size), leafHash) };
        _peaks.Add((0, leafHash));
        Size++;
        // Like carrying in a binary counter: two peaks of one level merge into one of the next.
        while (_peaks.Count >= 2 && _peaks[^1].Level == _peaks[^2].Level)
        {
            var right = _peaks[^1];
            var left = _peaks[^2];
            _peaks.RemoveRange(_peaks.Count - 2, 2);
            var level = left.Level + 1;
            var hash = MerkleHash.Node(left.Hash, right.Hash);
            _peaks.Add((level, hash));
            completed.Add((new MerkleNodeId(level, (Size - 1) >> level), hash));
        }

        return completed;
    }

    /// <summary>The tree's root hash (RFC 9162's MTH): the peaks folded from the right.</summary>
    public byte[] Root()
    {
        if (_peaks.Count == 0)
        {
            return MerkleHash.Empty();
        }

        var root = _peaks[^1].Hash;
        for (var i = _peaks.Count - 2; i >= 0; i--)
        {
            root = MerkleHash.Node(_peaks[i].Hash, root);
        }

        return root;
    }
}

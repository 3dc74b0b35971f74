namespace Senningen.Core.Audit.Merkle;

/// <summary>
/// Inclusion and consistency proofs of RFC 9162 (§2.1.3 and §2.1.4), built from stored perfect subtrees. A proof needs
/// O(log n) of them: the <c>…Nodes</c> methods name which, so a store can fetch them in one query before the proof is
/// made from what it fetched.
/// </summary>
public static class MerkleProofs
{
    /// <summary>The perfect nodes <see cref="Inclusion"/> reads for this leaf and tree size.</summary>
    public static IReadOnlyList<MerkleNodeId> InclusionNodes(long index, long size) => Collect(node => Inclusion(index, size, node));

    /// <summary>The audit path of leaf <paramref name="index"/> in the tree of the first <paramref name="size"/> leaves, leaf side first.</summary>
    public static IReadOnlyList<byte[]> Inclusion(long index, long size, Func<MerkleNodeId, byte[]> node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (index < 0 || index >= size)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"Leaf {index} is not in a tree of {size} leaves.");
        }

        var proof = new List<byte[]>();
        Path(index, 0, size, proof, node);
        return proof;
    }

    /// <summary>The perfect nodes <see cref="Consistency"/> reads for these two sizes.</summary>
    public static IReadOnlyList<MerkleNodeId> ConsistencyNodes(long oldSize, long newSize) => Collect(node => Consistency(oldSize, newSize, node));

    /// <summary>The proof that the tree of <paramref name="oldSize"/> leaves is a prefix of the one of <paramref name="newSize"/>.</summary>
    public static IReadOnlyList<byte[]> Consistency(long oldSize, long newSize, Func<MerkleNodeId, byte[]> node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (oldSize < 1 || oldSize > newSize)
        {
            throw new ArgumentOutOfRangeException(nameof(oldSize), $"No consistency proof from {oldSize} leaves to {newSize}.");
        }

        var proof = new List<byte[]>();
        if (oldSize < newSize)
        {
            SubProof(oldSize, 0, newSize, true, proof, node);
        }

        return proof;
    }

    /// <summary>The perfect nodes <see cref="Root"/> reads.</summary>
    public static IReadOnlyList<MerkleNodeId> RootNodes(long size) => MerkleFrontier.PeaksOf(size);

    /// <summary>The root hash of the tree of the first <paramref name="size"/> leaves.</summary>
    public static byte[] Root(long size, Func<MerkleNodeId, byte[]> node)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return size == 0 ? MerkleHash.Empty() : RangeHash(0, size, node);
    }

    /// <summary>RFC 9162 §2.1.3.2: does <paramref name="proof"/> place this leaf hash at this index under <paramref name="root"/>?</summary>
    public static bool VerifyInclusion(byte[] leafHash, long index, long size, IReadOnlyList<byte[]> proof, byte[] root)
    {
        ArgumentNullException.ThrowIfNull(leafHash);
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(root);
        if (index < 0 || index >= size)
        {
            return false;
        }

        long fn = index, sn = size - 1;
        var r = leafHash;
        foreach (var p in proof)
        {
            if (p is not { Length: MerkleHash.Length } || sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = MerkleHash.Node(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = MerkleHash.Node(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }

    /// <summary>RFC 9162 §2.1.4.2: does <paramref name="proof"/> show the old tree is a prefix of the new one?</summary>
    public static bool VerifyConsistency(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(oldRoot);
        ArgumentNullException.ThrowIfNull(newRoot);
        ArgumentNullException.ThrowIfNull(proof);
        if (oldSize < 1 || oldSize > newSize)
        {
            return false;
        }

        if (oldSize == newSize)
        {
            return proof.Count == 0 && oldRoot.AsSpan().SequenceEqual(newRoot);
        }

        if (proof.Count == 0 || proof.Any(p => p is not { Length: MerkleHash.Length }))
        {
            return false;
        }

        // A power-of-two old tree is one node of the new one: the proof leaves it out, the verifier starts from it.
        var path = IsPowerOfTwo(oldSize) ? [oldRoot, .. proof] : proof.ToList();
        long fn = oldSize - 1, sn = newSize - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        byte[] fr = path[0], sr = path[0];
        foreach (var c in path.Skip(1))
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                fr = MerkleHash.Node(c, fr);
                sr = MerkleHash.Node(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = MerkleHash.Node(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && fr.AsSpan().SequenceEqual(oldRoot) && sr.AsSpan().SequenceEqual(newRoot);
    }

    // PATH(m, D[start : start+n]) of RFC 9162 §2.1.3.1.
    private static void Path(long m, long start, long n, List<byte[]> proof, Func<MerkleNodeId, byte[]> node)
    {
        if (n == 1)
        {
            return;
        }

        var k = LargestPowerOfTwoBelow(n);
        if (m < k)
        {
            Path(m, start, k, proof, node);
            proof.Add(RangeHash(start + k, n - k, node));
        }
        else
        {
            Path(m - k, start + k, n - k, proof, node);
            proof.Add(RangeHash(start, k, node));
        }
    }

    // SUBPROOF(m, D[start : start+n], b) of RFC 9162 §2.1.4.1.
    private static void SubProof(long m, long start, long n, bool whole, List<byte[]> proof, Func<MerkleNodeId, byte[]> node)
    {
        if (m == n)
        {
            if (!whole)
            {
                proof.Add(RangeHash(start, n, node));
            }

            return;
        }

        var k = LargestPowerOfTwoBelow(n);
        if (m <= k)
        {
            SubProof(m, start, k, whole, proof, node);
            proof.Add(RangeHash(start + k, n - k, node));
        }
        else
        {
            SubProof(m - k, start + k, n - k, false, proof, node);
            proof.Add(RangeHash(start, k, node));
        }
    }

    // The proofs only ask for ranges that start on a multiple of their largest power of two, so a power-of-two range
    // is one stored node and any other is the right edge of a tree, made from its peaks.
    private static byte[] RangeHash(long start, long count, Func<MerkleNodeId, byte[]> node)
    {
        if (IsPowerOfTwo(count))
        {
            var level = System.Numerics.BitOperations.Log2((ulong)count);
            return node(new MerkleNodeId(level, start >> level));
        }

        var k = LargestPowerOfTwoBelow(count);
        return MerkleHash.Node(RangeHash(start, k, node), RangeHash(start + k, count - k, node));
    }

    private static bool IsPowerOfTwo(long n) => n > 0 && (n & (n - 1)) == 0;

    private static long LargestPowerOfTwoBelow(long n) => 1L << System.Numerics.BitOperations.Log2((ulong)(n - 1));

    private static List<MerkleNodeId> Collect(Action<Func<MerkleNodeId, byte[]>> run)
    {
        var ids = new List<MerkleNodeId>();
        var placeholder = new byte[MerkleHash.Length];
        run(id =>
        {
            ids.Add(id);
            return placeholder;
        });
        return ids;
    }
}

using System.Security.Cryptography;
using FsCheck.Xunit;
using Senningen.Core.Audit.Merkle;

namespace Senningen.Core.Tests.Audit;

/// <summary>
/// The tree and its proofs against RFC 9162's recursive definition of the root (written out here, independently of
/// the frontier and the proof builder), for every size and every pair of sizes up to a bound, and at random beyond it.
/// </summary>
public sealed class MerkleTreeTests
{
    private static byte[] LeafData(long i) => BitConverter.GetBytes(i * 7919);

    private static List<byte[]> Leaves(long n) => [.. Enumerable.Range(0, (int)n).Select(i => MerkleHash.Leaf(LeafData(i)))];

    // MTH(D[n]) exactly as RFC 9162 §2.1.1 defines it.
    private static byte[] ReferenceRoot(List<byte[]> leaves, int start, int n)
    {
        if (n == 0)
        {
            return SHA256.HashData(ReadOnlySpan<byte>.Empty);
        }

        if (n == 1)
        {
            return leaves[start];
        }

        var k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }

        return MerkleHash.Node(ReferenceRoot(leaves, start, k), ReferenceRoot(leaves, start + k, n - k));
    }

    private static Dictionary<MerkleNodeId, byte[]> Stored(List<byte[]> leaves)
    {
        var frontier = new MerkleFrontier();
        var nodes = new Dictionary<MerkleNodeId, byte[]>();
        foreach (var leaf in leaves)
        {
            foreach (var (id, hash) in frontier.Append(leaf))
            {
                nodes.Add(id, hash);
            }
        }

        return nodes;
    }

    [Fact]
    public void Hashes_MatchTheKnownValuesOfCertificateTransparency()
    {
        Convert.ToHexStringLower(MerkleHash.Empty()).ShouldBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        Convert.ToHexStringLower(MerkleHash.Leaf([])).ShouldBe("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    }

    [Fact]
    public void Frontier_StoredNodes_AndRootFromNodes_AgreeWithTheDefinition_ForEverySizeUpTo300()
    {
        var leaves = Leaves(300);
        var frontier = new MerkleFrontier();
        var nodes = new Dictionary<MerkleNodeId, byte[]>();
        frontier.Root().ShouldBe(ReferenceRoot(leaves, 0, 0));
        for (var n = 1; n <= leaves.Count; n++)
        {
            foreach (var (id, hash) in frontier.Append(leaves[n - 1]))
            {
                // Every node the frontier reports complete is the definition's hash of exactly its leaves.
                hash.ShouldBe(ReferenceRoot(leaves, (int)id.FirstLeaf, (int)id.LeafCount));
                nodes.Add(id, hash);
            }

            var expected = ReferenceRoot(leaves, 0, n);
            frontier.Root().ShouldBe(expected, $"size {n}");
            MerkleProofs.Root(n, id => nodes[id]).ShouldBe(expected);
            var resumed = MerkleFrontier.Restore(n, [.. MerkleFrontier.PeaksOf(n).Select(id => nodes[id])]);
            resumed.Root().ShouldBe(expected);
        }
    }

    [Fact]
    public void InclusionProofs_VerifyForEveryLeafOfEverySizeUpTo70_AndFailForAnyOtherLeafOrIndexOrRoot()
    {
        var leaves = Leaves(70);
        var nodes = Stored(leaves);
        for (var n = 1; n <= leaves.Count; n++)
        {
            var root = ReferenceRoot(leaves, 0, n);
            for (var m = 0; m < n; m++)
            {
                var proof = MerkleProofs.Inclusion(m, n, id => nodes[id]);
                MerkleProofs.VerifyInclusion(leaves[m], m, n, proof, root).ShouldBeTrue($"leaf {m} of {n}");
                proof.Count.ShouldBeLessThanOrEqualTo((int)(64 - long.LeadingZeroCount(n - 1L)));
                MerkleProofs.InclusionNodes(m, n).Count.ShouldBeLessThanOrEqualTo(2 * proof.Count + 1);
                if (n > 1)
                {
                    MerkleProofs.VerifyInclusion(leaves[(m + 1) % n], m, n, proof, root).ShouldBeFalse();
                    MerkleProofs.VerifyInclusion(leaves[m], (m + 1) % n, n, proof, root).ShouldBeFalse();
                    MerkleProofs.VerifyInclusion(leaves[m], m, n, proof, ReferenceRoot(leaves, 0, n - 1)).ShouldBeFalse();
                }
            }
        }
    }

    [Fact]
    public void ConsistencyProofs_VerifyForEveryPairOfSizesUpTo70_AndFailWhenTheOldTreeWasRewritten()
    {
        var leaves = Leaves(70);
        var nodes = Stored(leaves);
        var rewritten = Leaves(70);
        rewritten[3] = MerkleHash.Leaf([9, 9, 9]);
        for (var n = 1; n <= leaves.Count; n++)
        {
            var newRoot = ReferenceRoot(leaves, 0, n);
            for (var m = 1; m <= n; m++)
            {
                var proof = MerkleProofs.Consistency(m, n, id => nodes[id]);
                var oldRoot = ReferenceRoot(leaves, 0, m);
                MerkleProofs.VerifyConsistency(m, n, oldRoot, newRoot, proof).ShouldBeTrue($"{m} → {n}");
                if (m > 3)
                {
                    // A head held from before the rewrite no longer fits the log as it now stands.
                    MerkleProofs.VerifyConsistency(m, n, ReferenceRoot(rewritten, 0, m), newRoot, proof).ShouldBeFalse();
                }

                if (m < n)
                {
                    MerkleProofs.VerifyConsistency(m, n, oldRoot, ReferenceRoot(leaves, 0, n - 1), proof).ShouldBeFalse();
                    MerkleProofs.VerifyConsistency(m, n, oldRoot, newRoot, [.. proof.Take(proof.Count - 1)]).ShouldBeFalse();
                }
            }
        }
    }

    [Fact]
    public void BadProofArguments_AreRefused()
    {
        var nodes = Stored(Leaves(8));
        Should.Throw<ArgumentOutOfRangeException>(() => MerkleProofs.Inclusion(8, 8, id => nodes[id]));
        Should.Throw<ArgumentOutOfRangeException>(() => MerkleProofs.Consistency(0, 8, id => nodes[id]));
        Should.Throw<ArgumentOutOfRangeException>(() => MerkleProofs.Consistency(9, 8, id => nodes[id]));
        var root = MerkleProofs.Root(8, id => nodes[id]);
        MerkleProofs.VerifyInclusion(nodes[new MerkleNodeId(0, 0)], -1, 8, [], root).ShouldBeFalse();
        MerkleProofs.VerifyInclusion(nodes[new MerkleNodeId(0, 0)], 0, 8, [[1, 2, 3]], root).ShouldBeFalse();
        MerkleProofs.VerifyConsistency(4, 8, root, root, []).ShouldBeFalse();
        MerkleProofs.VerifyConsistency(8, 8, root, root, []).ShouldBeTrue();
        Should.Throw<ArgumentException>(() => MerkleFrontier.Restore(8, [root, root]));
    }

    // Large trees at random: proofs are made from the stored nodes only, and stay O(log n) in size and in reads.
    [Property(MaxTest = 40, Replay = "(20261207,1)")]
    public bool Proofs_HoldInLargeTrees(ushort sizeSeed, ushort indexSeed, ushort oldSeed)
    {
        var n = 1 + (sizeSeed % 5000);
        var m = indexSeed % n;
        var old = 1 + (oldSeed % n);
        var leaves = Leaves(n);
        var nodes = Stored(leaves);
        var root = ReferenceRoot(leaves, 0, n);
        var inclusion = MerkleProofs.Inclusion(m, n, id => nodes[id]);
        var consistency = MerkleProofs.Consistency(old, n, id => nodes[id]);
        var bound = 2 * (65 - (int)long.LeadingZeroCount(n));
        return MerkleProofs.VerifyInclusion(leaves[m], m, n, inclusion, root)
            && MerkleProofs.VerifyConsistency(old, n, ReferenceRoot(leaves, 0, old), root, consistency)
            && MerkleProofs.InclusionNodes(m, n).Count <= bound
            && MerkleProofs.ConsistencyNodes(old, n).Count <= bound;
    }
}

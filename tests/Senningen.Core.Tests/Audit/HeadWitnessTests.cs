using Senningen.Core.Audit.Merkle;
using Senningen.Core.Audit.Witness;

namespace Senningen.Core.Tests.Audit;

/// <summary>A witness's decision on a partner's new tree head, each rule against real trees and proofs.</summary>
public sealed class HeadWitnessTests
{
    private static Dictionary<MerkleNodeId, byte[]> Tree(int n, int? rewritten = null)
    {
        var frontier = new MerkleFrontier();
        var nodes = new Dictionary<MerkleNodeId, byte[]>();
        for (var i = 0; i < n; i++)
        {
            var data = BitConverter.GetBytes(i == rewritten ? -1L : i * 31L);
            foreach (var (id, hash) in frontier.Append(MerkleHash.Leaf(data)))
            {
                nodes.Add(id, hash);
            }
        }

        return nodes;
    }

    private static TreeHead Head(Dictionary<MerkleNodeId, byte[]> tree, long size, long at) =>
        new("BE", size, MerkleProofs.Root(size, id => tree[id]), at);

    private static IReadOnlyList<byte[]> Proof(Dictionary<MerkleNodeId, byte[]> tree, long from, long to) =>
        MerkleProofs.Consistency(from, to, id => tree[id]);

    private static readonly Dictionary<MerkleNodeId, byte[]> Log = Tree(40);

    [Fact]
    public void FirstHead_IsTakenOnFirstContact() =>
        HeadWitness.Check(null, Head(Log, 7, 1_000), null, []).ShouldBeNull();

    [Theory]
    [InlineData(1, 40)]
    [InlineData(7, 8)]
    [InlineData(8, 40)]
    [InlineData(13, 21)]
    public void GrownHead_WithAProofFromTheHeldSize_IsConsistent(int held, int grown) =>
        HeadWitness.Check(Head(Log, held, 1_000), Head(Log, grown, 2_000), held, Proof(Log, held, grown)).ShouldBeNull();

    [Fact]
    public void SameHeadAgainLater_IsConsistent() =>
        HeadWitness.Check(Head(Log, 9, 1_000), Head(Log, 9, 5_000), 9, []).ShouldBeNull();

    [Fact]
    public void SmallerHead_IsRefusedAsShrunk() =>
        HeadWitness.Check(Head(Log, 20, 1_000), Head(Log, 19, 2_000), 20, []).ShouldBe(WitnessRules.SizeShrank);

    [Fact]
    public void OtherRootAtTheSameSize_IsRefused() =>
        HeadWitness.Check(Head(Log, 20, 1_000), Head(Tree(40, rewritten: 3), 20, 2_000), 20, []).ShouldBe(WitnessRules.RootChanged);

    [Fact]
    public void TimeGoingBackwards_IsRefused() =>
        HeadWitness.Check(Head(Log, 20, 5_000), Head(Log, 30, 4_999), 20, Proof(Log, 20, 30)).ShouldBe(WitnessRules.TimeBackwards);

    [Fact]
    public void ProofFromASizeNotHeld_IsRefused() =>
        HeadWitness.Check(Head(Log, 20, 1_000), Head(Log, 30, 2_000), 10, Proof(Log, 10, 30)).ShouldBe(WitnessRules.ProofFromUnknownSize);

    [Fact]
    public void MissingProof_IsRefused() =>
        HeadWitness.Check(Head(Log, 20, 1_000), Head(Log, 30, 2_000), null, []).ShouldBe(WitnessRules.ProofFromUnknownSize);

    [Fact]
    public void RewrittenHistoryWithItsOwnProof_IsRefusedAsInconsistent()
    {
        // The thorough attacker: entry 3 rewritten and every hash above it recomputed, proof honestly built from that tree.
        var forged = Tree(40, rewritten: 3);
        HeadWitness.Check(Head(Log, 20, 1_000), Head(forged, 30, 2_000), 20, Proof(forged, 20, 30)).ShouldBe(WitnessRules.Inconsistent);
    }

    [Fact]
    public void Statement_SignsEveryFieldAndItsVerdict()
    {
        var statement = new WitnessStatement("NL", "BE", 12, new string('a', 64), 1_000, WitnessStatement.Consistent, null, 2_000);
        var refused = statement with { Verdict = WitnessStatement.Refused, Rule = WitnessRules.Inconsistent };

        refused.SignedBytes().ShouldNotBe(statement.SignedBytes());
        (statement with { Size = 13 }).SignedBytes().ShouldNotBe(statement.SignedBytes());
        System.Text.Encoding.UTF8.GetString(statement.SignedBytes()).ShouldStartWith("senningen-tree-head-witness-v1\nNL\nBE\n12\n");
        Should.Throw<ArgumentException>(() => (statement with { Rule = "a\nb" }).SignedBytes());
    }
}

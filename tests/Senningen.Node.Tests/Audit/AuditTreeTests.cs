using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Contracts.Audit;
using Senningen.Core.Audit.Merkle;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Audit.Data;
using Senningen.Node.Features.Audit.Tree;

namespace Senningen.Node.Tests.Audit;

/// <summary>The audit log's Merkle tree: the sequencer integrates every entry once, proofs verify, and rewrites are named.</summary>
public sealed class AuditTreeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task ConcurrentAuditedSaves_FromManyTasks_AreIntegratedOnceInOrderWithoutGaps(Store store)
    {
        await using var node = await TestNode.StartAsync(store);
        const int Tasks = 16, Saves = 20;
        await Parallel.ForEachAsync(Enumerable.Range(0, Tasks), new ParallelOptions { MaxDegreeOfParallelism = Tasks, CancellationToken = Ct },
            async (t, ct) =>
            {
                for (var i = 0; i < Saves; i++)
                {
                    await using var scope = node.Services.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<AuditLog>().WriteAsync(
                        new AuditRecord("audit.read", AuditOutcomes.Success, [$"task:{t}:{i:D2}"]), new Actor("writer", "tests", "BE"), ct);
                }
            });

        var size = await node.AuditIntegratedAsync();

        await using var check = node.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var leaves = await db.AuditEntries.AsNoTracking().OrderBy(e => e.LeafIndex).Select(e => new { e.LeafIndex, e.Records }).ToListAsync(Ct);
        leaves.Select(e => e.LeafIndex!.Value).ShouldBe(Enumerable.Range(0, leaves.Count).Select(i => (long)i));
        size.ShouldBe(leaves.Count);
        for (var t = 0; t < Tasks; t++)
        {
            // One task's saves commit one after another, so the sequencer must have taken them in that order.
            var mine = leaves.Where(e => e.Records.StartsWith($"task:{t}:", StringComparison.Ordinal)).Select(e => e.Records).ToList();
            mine.ShouldBe(Enumerable.Range(0, Saves).Select(i => $"task:{t}:{i:D2}"));
        }

        (await db.AuditTreeNodes.CountAsync(n => n.Level == 0, Ct)).ShouldBe(leaves.Count);
        (await check.ServiceProvider.GetRequiredService<AuditTree>().VerifyAsync([], Ct)).Intact.ShouldBeTrue();
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task ProofsServedByTheApi_VerifyWithTheCoreVerifiers(Store store)
    {
        await using var node = await TestNode.StartAsync(store);
        using var dpo = await node.SignedInAsync("dpo");
        for (var round = 0; round < 3; round++)
        {
            await WriteAsync(node, 5 + round);
            await node.AuditIntegratedAsync();
        }

        var latest = (await dpo.GetFromJsonAsync<SignedTreeHead>("api/v1/audit/tree-heads/latest", Ct))!;
        TreeHeadSignatures.Verify(latest, node.Services.GetRequiredService<NodeSigningKey>().Key).ShouldBeTrue();
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.LeafIndex < latest.Size).OrderBy(e => e.LeafIndex).ToListAsync(Ct);
        var root = Convert.FromHexString(latest.RootHash);
        foreach (var entry in entries)
        {
            var proof = (await dpo.GetFromJsonAsync<InclusionProof>($"api/v1/audit/proofs/inclusion?entry={entry.Sequence}&size={latest.Size}", Ct))!;

            proof.LeafHash.ShouldBe(Convert.ToHexStringLower(AuditLeaf.Hash(entry.ToFacts())));
            MerkleProofs.VerifyInclusion(Convert.FromHexString(proof.LeafHash), proof.LeafIndex, latest.Size,
                [.. proof.AuditPath.Select(Convert.FromHexString)], root).ShouldBeTrue($"entry {entry.Sequence}");
        }

        var heads = await db.AuditTreeHeads.AsNoTracking().OrderBy(h => h.Size).ToListAsync(Ct);
        heads.Count.ShouldBeGreaterThanOrEqualTo(3);
        foreach (var older in heads)
        {
            var proof = (await dpo.GetFromJsonAsync<ConsistencyProof>($"api/v1/audit/proofs/consistency?from={older.Size}&to={latest.Size}", Ct))!;

            MerkleProofs.VerifyConsistency(older.Size, latest.Size, older.RootHash, root, [.. proof.Path.Select(Convert.FromHexString)])
                .ShouldBeTrue($"from {older.Size}");
        }
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task EntryRewrittenWithItsLeafHash_VerifyAgainstTheHead_NamesTheEntry(Store store)
    {
        await using var node = await TestNode.StartAsync(store);
        await WriteAsync(node, 12);
        await node.AuditIntegratedAsync();
        var victim = await RewriteAsync(node, leaf: 4, alsoTheLeafNode: false);

        var named = await VerifyAsync(node, []);

        named.Intact.ShouldBeFalse();
        named.FirstBrokenSequence.ShouldBe(victim);
        named.Problem.ShouldNotBeNull().ShouldContain("rewritten");
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task EverythingRewrittenAndOwnHeadsDeleted_VerifyAgainstAPartnersHead_FailsNamingTheRange(Store store)
    {
        await using var node = await TestNode.StartAsync(store);
        await WriteAsync(node, 12);
        await node.AuditIntegratedAsync();
        SignedTreeHead held;
        await using (var scope = node.Services.CreateAsyncScope())
        {
            held = (await scope.ServiceProvider.GetRequiredService<AuditTree>().LatestHeadAsync(Ct))!;
        }

        await RewriteAsync(node, leaf: 4, alsoTheLeafNode: true);
        await ExecuteSqlAsync(node, "DELETE FROM audit_tree_heads");

        var alone = await VerifyAsync(node, []);
        var witnessed = await VerifyAsync(node, [held]);

        // Without a head to hold against, a rewrite of everything cannot be seen: that is what the partners' copies are for.
        alone.Intact.ShouldBeTrue();
        witnessed.Intact.ShouldBeFalse();
        witnessed.FailedHeadSize.ShouldBe(held.Size);
        witnessed.FailedHeadKeyId.ShouldBe(held.KeyId);
        witnessed.SuspectFromLeaf.ShouldBe(0);
        witnessed.Problem.ShouldNotBeNull().ShouldContain($"size {held.Size}");
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task LogCutShort_VerifyFailsAtTheHeadBeyondIt(Store store)
    {
        await using var node = await TestNode.StartAsync(store);
        await WriteAsync(node, 6);
        var size = await node.AuditIntegratedAsync();
        await ExecuteSqlAsync(node, $"DELETE FROM audit_entries WHERE \"LeafIndex\" >= {size - 2}");

        var result = await VerifyAsync(node, []);

        result.Intact.ShouldBeFalse();
        result.TreeSize.ShouldBe(size - 2);
        result.FailedHeadSize.ShouldNotBeNull().ShouldBeGreaterThan(size - 2);
        result.Problem.ShouldNotBeNull().ShouldContain("cut short");
    }

    [Theory]
    [InlineData("entry=abc&size=1", "entry", "range")]
    [InlineData("entry=-3", "entry", "range")]
    [InlineData("size=1", "entry", "required")]
    [InlineData("entry=1&size=99999999", "size", AuditTreeEndpoints.BeyondTree)]
    [InlineData("entry=1&size=0", "size", "range")]
    public async Task InclusionProof_BadInput_Returns400NamingFieldAndRule(string query, string field, string rule)
    {
        await using var node = await TestNode.StartAsync();
        using var dpo = await node.SignedInAsync("dpo");
        await node.AuditIntegratedAsync();

        var response = await dpo.GetAsync($"api/v1/audit/proofs/inclusion?{query}", Ct);

        (await ExpectProblemAsync(response, HttpStatusCode.BadRequest)).Errors!.ShouldContain(e => e.Field == field && e.Rule == rule);
    }

    [Theory]
    [InlineData("from=3&to=2", "from", AuditTreeEndpoints.Order)]
    [InlineData("from=1&to=99999999", "to", AuditTreeEndpoints.BeyondTree)]
    [InlineData("from=0&to=1", "from", "range")]
    [InlineData("from=x&to=1", "from", "range")]
    [InlineData("to=1", "from", "required")]
    public async Task ConsistencyProof_BadInput_Returns400NamingFieldAndRule(string query, string field, string rule)
    {
        await using var node = await TestNode.StartAsync();
        using var dpo = await node.SignedInAsync("dpo");
        await node.AuditIntegratedAsync();

        var response = await dpo.GetAsync($"api/v1/audit/proofs/consistency?{query}", Ct);

        (await ExpectProblemAsync(response, HttpStatusCode.BadRequest)).Errors!.ShouldContain(e => e.Field == field && e.Rule == rule);
    }

    [Fact]
    public async Task InclusionProof_EntryNotInTheTreeOfThatSize_NamesTheEntry_AndAnUnknownEntryIs404()
    {
        await using var node = await TestNode.StartAsync();
        using var dpo = await node.SignedInAsync("dpo");
        var size = await node.AuditIntegratedAsync();

        var later = await dpo.GetAsync($"api/v1/audit/proofs/inclusion?entry={size}&size=1", Ct);
        var unknown = await dpo.GetAsync("api/v1/audit/proofs/inclusion?entry=99999999", Ct);
        using var officer = await node.SignedInAsync("officer");
        var forbidden = await officer.GetAsync("api/v1/audit/proofs/inclusion?entry=1", Ct);

        (await ExpectProblemAsync(later, HttpStatusCode.BadRequest)).Errors!.ShouldContain(e => e.Field == "entry" && e.Rule == AuditTreeEndpoints.NotIntegrated);
        await ExpectProblemAsync(unknown, HttpStatusCode.NotFound);
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static async Task WriteAsync(TestNode node, int count)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        for (var i = 0; i < count; i++)
        {
            await audit.WriteAsync(new AuditRecord("audit.read", AuditOutcomes.Success, [$"test:{i}"]), new Actor("writer", "tests", "BE"), Ct);
        }
    }

    /// <summary>What someone with write access to the database does: changes an entry and makes its stored leaf fit the new content.</summary>
    private static async Task<long> RewriteAsync(TestNode node, long leaf, bool alsoTheLeafNode)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var entry = await db.AuditEntries.SingleAsync(e => e.LeafIndex == leaf, Ct);
        entry.Actor = "someone-else";
        entry.LeafHash = AuditLeaf.Hash(entry.ToFacts());
        if (alsoTheLeafNode)
        {
            (await db.AuditTreeNodes.SingleAsync(n => n.Level == 0 && n.Index == leaf, Ct)).Hash = entry.LeafHash;
        }

        await db.SaveChangesAsync(Ct);
        return entry.Sequence;
    }

    private static async Task<AuditVerification> VerifyAsync(TestNode node, IReadOnlyList<SignedTreeHead> held)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditTree>().VerifyAsync(held, Ct);
    }

    private static async Task ExecuteSqlAsync(TestNode node, string sql)
    {
        await using var scope = node.Services.CreateAsyncScope();
#pragma warning disable EF1002 // Test SQL built from constants and a number the test computed.
        await scope.ServiceProvider.GetRequiredService<SenningenDbContext>().Database.ExecuteSqlRawAsync(sql, Ct);
#pragma warning restore EF1002
    }

    private static async Task<ProblemBody> ExpectProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<ProblemBody>(Ct);
        problem!.Status.ShouldBe((int)status);
        return problem;
    }
}

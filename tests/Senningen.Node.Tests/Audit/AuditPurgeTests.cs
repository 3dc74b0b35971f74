using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Senningen.Contracts.Audit;
using Senningen.Contracts.Retention;
using Senningen.Core.Audit.Merkle;
using Senningen.Core.Retention;
using Senningen.Node.Common.Audit;
using Senningen.Node.Features.Audit.Data;
using Senningen.Node.Features.Audit.VerifyChain;
using Senningen.Node.Features.Retention.Purging;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Audit;

/// <summary>
/// The audit log's own purge (ADR 0025) on a frozen clock: old entries lose their content, the tree keeps their leaf
/// hashes, and every head (the node's and the one a partner holds) and every proof of a kept entry still verifies.
/// </summary>
public sealed class AuditPurgeTests
{
    private const string HeldCase = "HELD-AUDIT";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task OldEntries_ArePruned_InChunks_Audited_HeldOnesStay_AndTheLogStillVerifiesAgainstEveryHead(Store store)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 6, 1, 8, 0, 0, TimeSpan.Zero));
        // A period of seconds: the clock then moves past it without reaching the worker's first run (a minute), so the test decides when purges happen.
        await using var node = await TestNode.StartAsync(store, "BE", new Dictionary<string, string?>
        {
            ["Senningen:Retention:ChunkSize"] = "10",
            ["Senningen:Retention:BE:audit-log"] = "00:00:10",
        }, s => s.AddSingleton<TimeProvider>(clock));
        using var dpo = await node.SignedInAsync("dpo");
        for (var i = 0; i < 25; i++)
        {
            await WriteAsync(node, new AuditRecord("consultation.searched", AuditOutcomes.Success, Records: [$"person:Jansen-{i}"],
                CaseReference: i == 17 ? HeldCase : null, Detail: $"searched Jansen {i}"));
        }

        await PlaceHoldAsync(dpo, new PlaceHoldRequest(HeldCase, null, "Complaint about this search", clock.GetUtcNow().AddDays(30)));
        await node.AuditIntegratedAsync();
        var partnerHeld = (await dpo.GetFromJsonAsync<SignedTreeHead>("api/v1/audit/tree-heads/latest", Ct))!;
        clock.Advance(TimeSpan.FromSeconds(20));
        await WriteAsync(node, new AuditRecord("consultation.searched", AuditOutcomes.Success, Records: ["person:recent"], Detail: "recent"));
        await node.AuditIntegratedAsync();
        var heldLeaf = await QueryAsync(node, db => db.AuditEntries.Where(e => e.Detail == "searched Jansen 17").Select(e => e.LeafIndex!.Value).SingleAsync(Ct));

        var held = await PurgeAuditLogAsync(node);

        held.ShouldBe((int)heldLeaf);
        (await QueryAsync(node, db => db.AuditEntries.MinAsync(e => e.LeafIndex, Ct))).ShouldBe(heldLeaf);
        (await QueryAsync(node, db => db.AuditEntries.CountAsync(e => e.Detail == "searched Jansen 16", Ct))).ShouldBe(0);
        (await QueryAsync(node, db => db.AuditTreeNodes.CountAsync(n => n.Level == 0 && n.Index < heldLeaf, Ct))).ShouldBe((int)heldLeaf);
        var pruned = await QueryAsync(node, db => db.AuditEntries.Where(e => e.Action == AuditActions.AuditPruned).OrderBy(e => e.Sequence).ToListAsync(Ct));
        pruned.Count.ShouldBe((int)Math.Ceiling(heldLeaf / 10.0));
        pruned[^1].Records.ShouldBe($"audit-leaves:{(heldLeaf - 1) / 10 * 10}..{heldLeaf}");
        pruned.ShouldAllBe(e => e.Actor == "(node)" && e.Detail!.Contains("their leaf hashes are kept"));
        await node.AuditIntegratedAsync();
        await ShouldVerifyAsync(node, dpo, partnerHeld);
        await ShouldProveInclusionAsync(node, dpo, "searched Jansen 17");

        var hold = (await dpo.GetFromJsonAsync<List<HoldView>>("api/v1/retention/holds", Ct))!.Single();
        (await dpo.DeleteAsync($"api/v1/retention/holds/{hold.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var cutoff = clock.GetUtcNow().AddSeconds(-10);
        var due = await QueryAsync(node, db => db.AuditEntries.CountAsync(e => e.OccurredAt < cutoff, Ct));
        var rest = await PurgeAuditLogAsync(node);

        rest.ShouldBe(due);
        (await QueryAsync(node, db => db.AuditEntries.CountAsync(e => e.Detail != null && e.Detail.StartsWith("searched Jansen"), Ct))).ShouldBe(0);
        (await QueryAsync(node, db => db.AuditEntries.CountAsync(e => e.Detail == "recent", Ct))).ShouldBe(1);
        await node.AuditIntegratedAsync();
        await ShouldVerifyAsync(node, dpo, partnerHeld);

        // The check is not vacuous: a kept entry removed without an audit.pruned entry that says so is found.
        await QueryAsync(node, db => db.AuditEntries.Where(e => e.Detail == "recent").ExecuteDeleteAsync(Ct));
        var broken = (await dpo.GetFromJsonAsync<AuditVerification>("api/v1/audit/verify", Ct))!;
        broken.Intact.ShouldBeFalse();
        broken.Problem.ShouldNotBeNull().ShouldContain("missing");
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task PrunedLeafWhoseKeptHashIsGone_VerifyNamesIt(Store store)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 6, 1, 8, 0, 0, TimeSpan.Zero));
        await using var node = await TestNode.StartAsync(store, "BE", new Dictionary<string, string?> { ["Senningen:Retention:BE:audit-log"] = "00:00:10" },
            s => s.AddSingleton<TimeProvider>(clock));
        using var dpo = await node.SignedInAsync("dpo");
        await WriteAsync(node, new AuditRecord("consultation.searched", AuditOutcomes.Success, Detail: "old"));
        await node.AuditIntegratedAsync();
        clock.Advance(TimeSpan.FromSeconds(20));
        (await PurgeAuditLogAsync(node)).ShouldBeGreaterThan(0);
        await node.AuditIntegratedAsync();

        await QueryAsync(node, db => db.AuditTreeNodes.Where(n => n.Level == 0 && n.Index == 0).ExecuteDeleteAsync(Ct));
        var result = (await dpo.GetFromJsonAsync<AuditVerification>("api/v1/audit/verify", Ct))!;

        result.Intact.ShouldBeFalse();
        result.Problem.ShouldBe("leaf 0 was removed at the end of its retention, but the tree did not keep its hash");
    }

    private static async Task ShouldVerifyAsync(TestNode node, HttpClient dpo, SignedTreeHead partnerHeld)
    {
        var own = (await dpo.GetFromJsonAsync<AuditVerification>("api/v1/audit/verify", Ct))!;
        own.Intact.ShouldBeTrue(own.Problem);
        await using var scope = node.Services.CreateAsyncScope();
        var withPartner = await scope.ServiceProvider.GetRequiredService<VerifyAuditChain>().RunAsync([partnerHeld], Ct);
        withPartner.Intact.ShouldBeTrue(withPartner.Problem);
        withPartner.HeadsChecked.ShouldBeGreaterThanOrEqualTo(own.HeadsChecked);
    }

    private static async Task ShouldProveInclusionAsync(TestNode node, HttpClient dpo, string detail)
    {
        var latest = (await dpo.GetFromJsonAsync<SignedTreeHead>("api/v1/audit/tree-heads/latest", Ct))!;
        var entry = await QueryAsync(node, db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Detail == detail, Ct));
        var proof = (await dpo.GetFromJsonAsync<InclusionProof>($"api/v1/audit/proofs/inclusion?entry={entry.Sequence}&size={latest.Size}", Ct))!;
        MerkleProofs.VerifyInclusion(Convert.FromHexString(proof.LeafHash), proof.LeafIndex, latest.Size,
            [.. proof.AuditPath.Select(Convert.FromHexString)], Convert.FromHexString(latest.RootHash)).ShouldBeTrue();
    }

    private static async Task WriteAsync(TestNode node, AuditRecord record)
    {
        await using var scope = node.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditLog>().WriteAsync(record, new Actor("officer", "unit", "BE"), Ct);
    }

    private static async Task PlaceHoldAsync(HttpClient dpo, PlaceHoldRequest request)
    {
        using var response = await dpo.PostAsJsonAsync("api/v1/retention/holds", request, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    private static async Task<int> PurgeAuditLogAsync(TestNode node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<PurgeExpired>().RunAsync(Ct);
        return run.Single(k => k.Kind == RetentionKinds.AuditLog).Count;
    }
}

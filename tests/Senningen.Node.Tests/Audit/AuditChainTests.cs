using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Contracts.Audit;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Tests.Audit;

/// <summary>The audit log on each store: once integrated into its Merkle tree it verifies, and an edit made behind the node's back is found.</summary>
public sealed class AuditChainTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Verify_UntouchedLog_IsIntact(Store store)
    {
        await using var node = await TestNode.StartAsync(store);
        using var dpo = await node.SignedInAsync("dpo");
        var size = await node.AuditIntegratedAsync();

        var result = await dpo.GetFromJsonAsync<AuditVerification>("api/v1/audit/verify", Ct);

        result!.Intact.ShouldBeTrue(result.Problem);
        result.EntriesChecked.ShouldBeGreaterThanOrEqualTo(size);
        result.HeadsChecked.ShouldBeGreaterThanOrEqualTo(1);
        result.HeadHash.ShouldNotBeNull().Length.ShouldBe(64);
        result.RootHash.ShouldBe(result.HeadHash);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Verify_RowEditedInTheDatabase_NamesTheEditedEntry(Store store)
    {
        await using var node = await TestNode.StartAsync(store);
        using var dpo = await node.SignedInAsync("dpo");
        await dpo.GetAsync("api/v1/audit/entries", Ct);
        await node.AuditIntegratedAsync();
        await ExecuteSqlAsync(node, "UPDATE audit_entries SET \"Actor\" = 'someone-else' WHERE \"Sequence\" = 3");

        var result = await dpo.GetFromJsonAsync<AuditVerification>("api/v1/audit/verify", Ct);

        result!.Intact.ShouldBeFalse();
        result.FirstBrokenSequence.ShouldBe(3);
        result.Problem.ShouldNotBeNull().ShouldContain("altered");
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Verify_RowDeletedFromTheMiddle_NamesTheMissingLeaf(Store store)
    {
        await using var node = await TestNode.StartAsync(store);
        using var dpo = await node.SignedInAsync("dpo");
        await node.AuditIntegratedAsync();
        await ExecuteSqlAsync(node, "DELETE FROM audit_entries WHERE \"LeafIndex\" = 1");

        var result = await dpo.GetFromJsonAsync<AuditVerification>("api/v1/audit/verify", Ct);

        result!.Intact.ShouldBeFalse();
        result.Problem.ShouldNotBeNull().ShouldContain("leaf 1 is missing");
        result.SuspectFromLeaf.ShouldBe(0);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task ConcurrentWriters_AllBecomeLeavesOfOneIntactTree(Store store)
    {
        await using var node = await TestNode.StartAsync(store);
        await Parallel.ForEachAsync(Enumerable.Range(0, 40), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct },
            async (i, ct) =>
            {
                await using var scope = node.Services.CreateAsyncScope();
                var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
                await audit.WriteAsync(new AuditRecord("audit.read", AuditOutcomes.Success, [$"test:{i}"]),
                    new Actor("writer", "tests", "BE"), ct);
            });
        using var dpo = await node.SignedInAsync("dpo");
        await node.AuditIntegratedAsync();

        var result = await dpo.GetFromJsonAsync<AuditVerification>("api/v1/audit/verify", Ct);

        result!.Intact.ShouldBeTrue(result.Problem);
        result.EntriesChecked.ShouldBeGreaterThanOrEqualTo(46);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task SearchAndExport_AreThemselvesAudited_WithPurposeAndCase(Store store)
    {
        await using var node = await TestNode.StartAsync(store);
        using var dpo = await node.SignedInAsync("dpo");

        var page = await dpo.GetFromJsonAsync<AuditPage>("api/v1/audit/entries?subject=user:officer&purpose=complaint%20check&caseReference=DPO-2026-17", Ct);
        var csv = await dpo.GetStringAsync("api/v1/audit/export?user=officer", Ct);

        page!.Entries.ShouldAllBe(e => e.Records.Contains("user:officer"));
        csv.Split('\n')[0].ShouldStartWith("sequence,occurred_at_utc,actor");
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var read = await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.AuditRead, Ct);
        read.Purpose.ShouldBe("complaint check");
        read.CaseReference.ShouldBe("DPO-2026-17");
        read.Records.ShouldBe("user:officer");
        (await db.AuditEntries.CountAsync(e => e.Action == AuditActions.AuditExport, Ct)).ShouldBe(1);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task SeveralEntriesInOneSave_BecomeLeavesInOrder_AndVerify(Store store)
    {
        await using var node = await TestNode.StartAsync(store);
        await using (var scope = node.Services.CreateAsyncScope())
        {
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            for (var i = 0; i < 5; i++)
            {
                audit.Add(new AuditRecord("audit.read", AuditOutcomes.Success, [$"batch:{i}"]), new Actor("batcher", "", "BE"));
            }

            await scope.ServiceProvider.GetRequiredService<SenningenDbContext>().SaveChangesAsync(Ct);
        }

        await node.AuditIntegratedAsync();
        await using var check = node.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var batch = await db.AuditEntries.Where(e => e.Actor == "batcher").OrderBy(e => e.LeafIndex).ToListAsync(Ct);
        batch.Select(e => e.Records).ShouldBe(["batch:0", "batch:1", "batch:2", "batch:3", "batch:4"]);
        batch.Select(e => e.LeafIndex!.Value - batch[0].LeafIndex!.Value).ShouldBe([0L, 1, 2, 3, 4]);
        batch.ShouldAllBe(e => e.Sequence > 0 && e.Hash == null);
        (await check.ServiceProvider.GetRequiredService<Features.Audit.Tree.AuditTree>().VerifyAsync([], Ct)).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task Export_NeutralisesSpreadsheetFormulas()
    {
        await using var node = await TestNode.StartAsync();
        await using (var scope = node.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AuditLog>().WriteAsync(
                new AuditRecord("audit.read", AuditOutcomes.Success, Detail: "=HYPERLINK(\"http://evil\")"), new Actor("x", "", "BE"), Ct);
        }

        using var dpo = await node.SignedInAsync("dpo");
        var csv = await dpo.GetStringAsync("api/v1/audit/export?user=x", Ct);

        csv.ShouldContain("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    }

    private static async Task ExecuteSqlAsync(TestNode node, string sql)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        await db.Database.ExecuteSqlRawAsync(sql, Ct);
    }
}

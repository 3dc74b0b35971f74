using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Core.Audit;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Audit.Data;
using Senningen.Node.Features.Audit.Tree;

namespace Senningen.Node.Tests.Audit;

/// <summary>
/// A node whose log was a hash chain before the Merkle tree: its chain is checked once and its entries become the first
/// leaves in chain order; a broken chain is reported and nothing is integrated over it.
/// </summary>
public sealed class AuditLegacyChainTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task IntactLegacyChain_BecomesTheFirstLeavesInChainOrder(Store store)
    {
        await using var node = await TestNode.StartAsync(store);
        await node.AuditIntegratedAsync();
        var chained = await MakeLegacyAsync(node, alter: null);

        await node.StartAgainAsync();
        var size = await node.AuditIntegratedAsync();

        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var legacy = await db.AuditEntries.AsNoTracking().Where(e => e.Hash != null).OrderBy(e => e.Sequence).ToListAsync(Ct);
        legacy.Count.ShouldBe(chained);
        legacy.Select(e => e.LeafIndex).ShouldBe(Enumerable.Range(0, chained).Select(i => (long?)i));
        size.ShouldBeGreaterThanOrEqualTo(chained);
        var result = await scope.ServiceProvider.GetRequiredService<AuditTree>().VerifyAsync([], Ct);
        result.Intact.ShouldBeTrue(result.Problem);
        result.EntriesChecked.ShouldBe(size);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task BrokenLegacyChain_IsNotIntegrated_AndIsAuditedAndShownToTheDpo(Store store)
    {
        await using var node = await TestNode.StartAsync(store);
        await node.AuditIntegratedAsync();
        await MakeLegacyAsync(node, alter: 3);

        await node.StartAgainAsync();
        var status = await WaitForBreakAsync(node);

        status.Head.ShouldBeNull();
        status.LegacyBreak.ShouldNotBeNull().ShouldContain("#3");
        status.Pending.ShouldBeGreaterThan(0);
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        (await db.AuditEntries.CountAsync(e => e.LeafIndex != null, Ct)).ShouldBe(0);
        (await db.AuditTreeNodes.CountAsync(Ct)).ShouldBe(0);
    }

    /// <summary>
    /// Turns the node's log into what the migration leaves of a chain-era database: every entry chained (ids 1, 2, …),
    /// no leaf, no node, no head. With <paramref name="alter"/>, that entry is changed after chaining. The node is stopped.
    /// </summary>
    private static async Task<int> MakeLegacyAsync(TestNode node, long? alter)
    {
        await node.StopAsync();
        var options = node.Settings["Senningen:Database:Provider"] == "postgres"
            ? new DbContextOptionsBuilder<PostgresSenningenDbContext>().UseNpgsql(node.Settings["Senningen:Database:ConnectionString"], ProviderMigrations.Postgres).Options
            : (DbContextOptions)new DbContextOptionsBuilder<SqliteSenningenDbContext>().UseSqlite(node.Settings["Senningen:Database:ConnectionString"], ProviderMigrations.Sqlite).Options;
        await using var db = options is DbContextOptions<PostgresSenningenDbContext> pg
            ? new PostgresSenningenDbContext(pg, new WriteGate(), new WalFlusher())
            : (SenningenDbContext)new SqliteSenningenDbContext((DbContextOptions<SqliteSenningenDbContext>)options, new WriteGate(), new WalFlusher());
        await db.AuditTreeHeads.ExecuteDeleteAsync(Ct);
        await db.AuditTreeNodes.ExecuteDeleteAsync(Ct);
        var entries = await db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync(Ct);
        var previous = AuditChain.Genesis;
        foreach (var entry in entries)
        {
            entry.LeafIndex = null;
            entry.LeafHash = null;
            entry.PreviousHash = previous;
            entry.Hash = AuditChain.ComputeHash(previous, entry.ToFacts());
            previous = entry.Hash;
            if (entry.Sequence == alter)
            {
                entry.Detail = "rewritten after the fact";
            }
        }

        entries.Select(e => e.Sequence).ShouldBe(Enumerable.Range(1, entries.Count).Select(i => (long)i));
        await db.SaveChangesAsync(Ct);
        return entries.Count;
    }

    private static async Task<AuditTreeStatus> WaitForBreakAsync(TestNode node)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            await using var scope = node.Services.CreateAsyncScope();
            var status = await scope.ServiceProvider.GetRequiredService<AuditTreeStatusReader>().ReadAsync(Ct);
            if (status.LegacyBreak is not null || DateTime.UtcNow > deadline)
            {
                return status;
            }

            await Task.Delay(50, Ct);
        }
    }
}

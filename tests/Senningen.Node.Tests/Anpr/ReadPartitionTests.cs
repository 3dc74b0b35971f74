using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;
using Senningen.Node.Features.Anpr.Retention;
using Senningen.Testing;
using static Senningen.Node.Tests.Anpr.HistorySteps;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Anpr;

/// <summary>On PostgreSQL reads are kept in one partition per day of observation, and retention drops whole days.</summary>
public sealed class ReadPartitionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ANodeOnPostgres_HasTodayAndTheNextDaysReady_AndAReadLandsInItsDay()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        await using var node = await TestNode.StartAsync(Store.Postgres, "NL", services: s => s.AddSingleton<TimeProvider>(clock));

        await SeedAsync(node, [ReadOf("XR528D", clock.GetUtcNow())]);

        (await PartitionsAsync(node)).ShouldBe(["anpr_reads_20261123", "anpr_reads_20261124", "anpr_reads_20261125", "anpr_reads_default"]);
        (await CountInAsync(node, "anpr_reads_20261123")).ShouldBe(1);
    }

    [Fact]
    public async Task Retention_DropsTheDaysPastTheCutoffWhole_DeletesTheRestRowByRow_AndCountsBoth()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        await using var node = await TestNode.StartAsync(Store.Postgres, "NL", services: s => s.AddSingleton<TimeProvider>(clock));
        // Days that were made ready when they came, 40 and 29 days ago (NL keeps reads 28 days): the cutoff falls in 26 October.
        await WithPartitionsAsync(node, p => p.EnsureAheadAsync(clock.GetUtcNow().AddDays(-40), Ct));
        await WithPartitionsAsync(node, p => p.EnsureAheadAsync(clock.GetUtcNow().AddDays(-29), Ct));
        var now = clock.GetUtcNow();
        await SeedAsync(node, [ReadOf("OLD401", now.AddDays(-40)), ReadOf("OLD402", now.AddDays(-40).AddHours(1)), ReadOf("OLD381", now.AddDays(-38)),
            ReadOf("DUE291", now.AddDays(-28).AddHours(-1)), ReadOf("NEW271", now.AddDays(-27))]);

        var purge = await PurgeAsync(node);

        purge.Deleted.ShouldBe(4);
        (await PartitionsAsync(node)).ShouldNotContain("anpr_reads_20261014");
        (await PartitionsAsync(node)).ShouldBe(["anpr_reads_20261026", "anpr_reads_20261027", "anpr_reads_20261123", "anpr_reads_20261124", "anpr_reads_20261125", "anpr_reads_default"]);
        (await QueryAsync(node, db => db.AnprReads.Select(r => r.Plate).ToListAsync(Ct))).ShouldBe(["NEW271"]);
        (await QueryAsync(node, db => db.AuditEntries.SingleAsync(e => e.Action == "anpr.reads-purged", Ct))).Detail!.ShouldStartWith("4 read(s)");
    }

    private static async Task WithPartitionsAsync(TestNode node, Func<ReadPartitions, Task> action)
    {
        await using var scope = node.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<ReadPartitions>());
    }

    private static async Task<PurgeResult> PurgeAsync(TestNode node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PurgeReads>().RunAsync(Ct);
    }

    private static Task<List<string>> PartitionsAsync(TestNode node) => QueryAsync(node, db => db.Database.SqlQueryRaw<string>("""
        SELECT c.relname AS "Value" FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
        WHERE p.relname = 'anpr_reads' ORDER BY c.relname
        """).ToListAsync(Ct));

    private static Task<long> CountInAsync(TestNode node, string partition)
    {
        // The partition's name is the test's own constant, not input.
        var sql = "SELECT count(*) AS \"Value\" FROM " + partition;
        return QueryAsync(node, db => db.Database.SqlQueryRaw<long>(sql).SingleAsync(Ct));
    }
}

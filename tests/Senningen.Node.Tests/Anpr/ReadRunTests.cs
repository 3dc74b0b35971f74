using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Core.Anpr;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;
using Senningen.Node.Features.Anpr.History;
using Senningen.Node.Features.Anpr.Runs;
using static Senningen.Node.Tests.Anpr.HistorySteps;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Anpr;

/// <summary>
/// SQLite's runs (ADR 0012) find exactly the reads a scan of the table finds, whatever merges happened: tiny runs
/// (5 reads, merged 3 at a time, rewritten 4 entries per transaction) so that a few hundred reads go through several
/// levels of merging and every slice boundary.
/// </summary>
public sealed class ReadRunTests : IAsyncLifetime
{
    private const int Batches = 60;
    private const int PerBatch = 7;
    private static readonly string[] Cameras = ["RUN-CAM-A", "RUN-CAM-B", "RUN-CAM-C"];
    private static readonly string[] Plates = [.. Enumerable.Range(0, 12).Select(i => $"1RUN{i:000}")];
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddDays(-20);
    private TestNode _node = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _node = await TestNode.StartAsync(Store.Sqlite, "BE", new Dictionary<string, string?>
        {
            ["Senningen:Anpr:RunReads"] = "5",
            ["Senningen:Anpr:RunFanIn"] = "3",
            // Slices of 4 entries: merges, deletions and trims cross many slice boundaries.
            ["Senningen:Anpr:RunSlice"] = "4",
        });

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task AfterManyBatchesAndMerges_EverySearchFindsWhatAScanOfTheTableFinds_InTheSameOrder()
    {
        await SeedBatchesAsync();

        await MergeUntilDoneAsync();

        var runs = await RunsAsync();
        runs.ShouldAllBe(r => r.State == ReadRuns.Open || r.State == ReadRuns.Live);
        runs.Count(r => r.State == ReadRuns.Open).ShouldBe(1);
        // No size class keeps as many runs as a merge takes: what a search seeks stays logarithmic in the reads.
        runs.Where(r => r.State == ReadRuns.Live).GroupBy(r => ReadRuns.Tier(r.Entries, 5, 3)).ShouldAllBe(g => g.Count() < 3);
        runs.Count.ShouldBeLessThan(15);
        runs.Sum(r => r.Entries).ShouldBe(2 * Batches * PerBatch);
        (await CountTermsAsync()).ShouldBe(2 * Batches * PerBatch);
        await EverySearchMatchesTheScanAsync();
    }

    [Fact]
    public async Task AMergeCutShort_IsNeverSearched_AndTheNextPassDeletesIt()
    {
        await SeedBatchesAsync();
        await MergeUntilDoneAsync();
        // A merge that stopped after its first slice: a building run holding copies of some entries.
        await ExecAsync("""
            INSERT INTO anpr_read_runs ("Id", "State", "Entries", "FromMs", "ToMs") VALUES (9999, 2, 0, 0, 9000000000000);
            INSERT INTO anpr_read_terms SELECT 9999, "Term", "ObservedAtMs", "ReadId" FROM anpr_read_terms WHERE "Run" <> 9999 LIMIT 50;
            """);

        await EverySearchMatchesTheScanAsync();
        await MergeUntilDoneAsync();

        (await RunsAsync()).ShouldNotContain(r => r.Id == 9999);
        (await CountTermsAsync()).ShouldBe(2 * Batches * PerBatch);
        await EverySearchMatchesTheScanAsync();
    }

    [Fact]
    public async Task ARunTooSmallToSeal_IsSearchedWhileOpen()
    {
        var now = DateTimeOffset.UtcNow;
        await SeedAsync(_node, [ReadOf("1RUN900", now.AddHours(-2), Cameras[0]), ReadOf("1RUN900", now.AddHours(-1), Cameras[1])]);

        var found = await FindAsync(Plate.Parse("1RUN900").Key.ToString(), null, now.AddDays(-1), now);

        found.Select(r => r.CameraId).ShouldBe([Cameras[1], Cameras[0]]);
        (await RunsAsync()).ShouldHaveSingleItem().State.ShouldBe(ReadRuns.Open);
    }

    [Fact]
    public async Task ThePurge_DeletesEveryReadDueWithItsEntries_SliceBySlice_ThroughRunsThatStraddleTheCutoffOrPrecedeIt()
    {
        await SeedBatchesAsync();
        await MergeUntilDoneAsync();
        var cutoffAt = Start.AddDays(9);
        var cutoff = cutoffAt.ToUnixTimeMilliseconds();
        var due = await QueryAsync(_node, db => db.AnprReads.CountAsync(r => r.ObservedAt < cutoffAt, Ct));
        var kept = await QueryAsync(_node, db => db.AnprReads.CountAsync(r => r.ObservedAt >= cutoffAt, Ct));

        using (await _node.Services.GetRequiredService<RunLock>().EnterAsync(Ct))
        await using (var scope = _node.Services.CreateAsyncScope())
        {
            var purged = await scope.ServiceProvider.GetRequiredService<RunPurge>().PurgeBeforeAsync(cutoff, Ct);
            purged.ShouldBe(new RunPurgeResult(due, 2 * due));
        }

        due.ShouldBeGreaterThan(50);
        (await QueryAsync(_node, db => db.AnprReads.CountAsync(r => r.ObservedAt < cutoffAt, Ct))).ShouldBe(0);
        (await QueryAsync(_node, db => db.AnprReads.CountAsync(Ct))).ShouldBe(kept);
        var left = await QueryAsync(_node, db => db.Database.SqlQueryRaw<long>("""SELECT "ObservedAtMs" AS "Value" FROM anpr_read_terms""").ToListAsync(Ct));
        left.ShouldAllBe(t => t >= cutoff);
        left.Count.ShouldBe(2 * kept);
        (await RunsAsync()).Sum(r => r.Entries).ShouldBe(left.Count);
        await EverySearchMatchesTheScanAsync();
    }

    private async Task SeedBatchesAsync()
    {
        var random = new Random(2018);
        for (var b = 0; b < Batches; b++)
        {
            var reads = Enumerable.Range(0, PerBatch).Select(_ => ReadOf(Plates[random.Next(Plates.Length)],
                Start.AddMinutes(random.Next(20 * 24 * 60)), Cameras[random.Next(Cameras.Length)]));
            await SeedAsync(_node, [.. reads]);
        }
    }

    private async Task EverySearchMatchesTheScanAsync()
    {
        var periods = new[] { (Start, Start.AddDays(21)), (Start.AddDays(3), Start.AddDays(4)), (Start.AddDays(10), Start.AddDays(17)) };
        foreach (var (from, to) in periods)
        {
            foreach (var plate in Plates)
            {
                var key = Plate.Parse(plate).Key.ToString();
                var expected = await ScanAsync(r => r.CanonicalKey == key, from, to);
                (await FindAsync(key, null, from, to)).Select(r => r.Id).ShouldBe(expected, $"{plate} {from:O}..{to:O}");
            }

            foreach (var camera in Cameras)
            {
                var expected = await ScanAsync(r => r.CameraId == camera, from, to);
                (await FindAsync(null, camera, from, to)).Select(r => r.Id).ShouldBe(expected, $"{camera} {from:O}..{to:O}");
            }
        }
    }

    private Task<List<long>> ScanAsync(System.Linq.Expressions.Expression<Func<StoredRead, bool>> which, DateTimeOffset from, DateTimeOffset to) =>
        QueryAsync(_node, db => db.AnprReads.Where(which)
            .Where(r => r.ObservedAt >= from && r.ObservedAt < to)
            .OrderByDescending(r => r.ObservedAt).ThenByDescending(r => r.Id).Select(r => r.Id).ToListAsync(Ct));

    private Task<List<StoredRead>> FindAsync(string? key, string? camera, DateTimeOffset from, DateTimeOffset to) =>
        QueryAsync(_node, db => ReadHistory.FindAsync(db, key, camera, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), 10_000, Ct));

    private async Task MergeUntilDoneAsync()
    {
        using var held = await _node.Services.GetRequiredService<RunLock>().EnterAsync(Ct);
        await using var scope = _node.Services.CreateAsyncScope();
        var merger = scope.ServiceProvider.GetRequiredService<RunMerger>();
        while (await merger.MergeOnceAsync(Ct))
        {
            // Each pass merges one size class; the loop ends when no class has enough runs.
        }

        await merger.ClearRetiredAsync(Ct);
    }

    private async Task<List<RunRow>> RunsAsync()
    {
        await using var scope = _node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RunMerger>().RunsAsync(Ct);
    }

    private Task<long> CountTermsAsync() =>
        QueryAsync(_node, db => db.Database.SqlQueryRaw<long>("""SELECT count(*) AS "Value" FROM anpr_read_terms""").SingleAsync(Ct));

    private Task<int> ExecAsync(string sql) => QueryAsync(_node, db => db.Database.ExecuteSqlRawAsync(sql, Ct));
}

using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Features.Anpr.Runs;

/// <summary>A run as its row says: what the merger and the purge decide on.</summary>
internal sealed record RunRow(long Id, int State, long Entries, long FromMs, long ToMs);

/// <summary>
/// Merges <see cref="AnprSettings.RunFanIn"/> live runs of one size class into one run of the next, then deletes the
/// merged runs' entries. The output is written in key order, a bounded slice per transaction, so the write gate is
/// held for milliseconds at a time and ingestion goes on between slices; searches keep using the old runs until one
/// transaction switches the output live and the inputs retired. A merge cut short (a stop, a crash) leaves a building
/// run that the next pass deletes: nothing is searched twice or lost.
/// </summary>
internal sealed partial class RunMerger(SenningenDbContext db, AnprSettings settings, ILogger<RunMerger> logger)
{
    private const string Runs = """SELECT "Id", "State", "Entries", "FromMs", "ToMs" FROM anpr_read_runs ORDER BY "Id" """;
    private const string Keys = """SELECT "Term", "ObservedAtMs", "ReadId" FROM anpr_read_terms WHERE "Run" = @run ORDER BY "Term", "ObservedAtMs", "ReadId" """;
    private const string NewRun = """
        INSERT INTO anpr_read_runs ("State", "Entries", "FromMs", "ToMs") VALUES (2, 0, @from, @to) RETURNING "Id"
        """;
    private const string RetireBuilding = """UPDATE anpr_read_runs SET "State" = 3 WHERE "State" = 2""";
    private const string GoLive = """UPDATE anpr_read_runs SET "State" = 1, "Entries" = @entries WHERE "Id" = @id""";
    private const string Drop = """DELETE FROM anpr_read_runs WHERE "Id" = @id""";

    /// <summary>
    /// One merge if some size class has enough runs; false when there was nothing to merge. It first clears what runs
    /// earlier merges retired, so a loop of merges leaves nothing retired once it returns false.
    /// </summary>
    public async Task<bool> MergeOnceAsync(CancellationToken ct)
    {
        await ClearRetiredAsync(ct);
        var inputs = Pick(await RunsAsync(ct));
        if (inputs.Count == 0)
        {
            return false;
        }

        var bounds = await BoundsAsync(inputs, ct);
        long output;
        using (await db.EnterWriteAsync(ct))
        {
            await using var create = db.CreateCommand(NewRun);
            create.Add("@from", inputs.Min(r => r.FromMs));
            create.Add("@to", inputs.Max(r => r.ToMs));
            output = (long)(await create.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException("No id for the merged run."));
        }

        var ids = string.Join(", ", inputs.Select(r => r.Id));
        var copied = 0L;
        for (var i = 0; i <= bounds.Count; i++)
        {
            var after = i == 0 ? null : bounds[i - 1];
            var upTo = i == bounds.Count ? null : bounds[i];
            using (await db.EnterWriteAsync(ct))
            {
                await using var copy = db.CreateCommand(CopySql(ids, after, upTo));
                copy.Add("@output", output);
                after?.Bind(copy, "a");
                upTo?.Bind(copy, "u");
                copied += await copy.ExecuteNonQueryAsync(ct);
            }
        }

        using (await db.EnterWriteAsync(ct))
        await using (var transaction = await db.Database.GetDbConnection().BeginTransactionAsync(ct))
        {
            await using var live = db.CreateCommand(GoLive);
            live.Transaction = transaction;
            live.Add("@entries", copied);
            live.Add("@id", output);
            await live.ExecuteOneAsync(ct);
            await using var retire = db.CreateCommand($"""UPDATE anpr_read_runs SET "State" = 3 WHERE "Id" IN ({ids})""");
            retire.Transaction = transaction;
            await retire.ExecuteNonQueryAsync(ct);
            await transaction.CommitAsync(ct);
        }

        LogMerged(logger, inputs.Count, copied, output);
        return true;
    }

    /// <summary>
    /// Deletes the entries of retired runs, a slice per transaction, then their rows. Building runs found here are a
    /// merge that never finished (callers hold <see cref="RunLock"/>, so no merge is running): they go too.
    /// </summary>
    public async Task ClearRetiredAsync(CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        using (await db.EnterWriteAsync(ct))
        {
            await using var orphans = db.CreateCommand(RetireBuilding);
            await orphans.ExecuteNonQueryAsync(ct);
        }

        foreach (var run in (await RunsAsync(ct)).Where(r => r.State == ReadRuns.Retired))
        {
            while (true)
            {
                using (await db.EnterWriteAsync(ct))
                {
                    // The slice's last key bounds one range delete; a run with fewer entries left goes whole.
                    var upTo = await RunKey.SliceEndAsync(db, null, run.Id, RunKey.Start, settings.RunSlice, ct);
                    await using var delete = db.CreateCommand(upTo is null
                        ? """DELETE FROM anpr_read_terms WHERE "Run" = @run"""
                        : """DELETE FROM anpr_read_terms WHERE "Run" = @run AND ("Term", "ObservedAtMs", "ReadId") <= (@uT, @uO, @uR)""");
                    delete.Add("@run", run.Id);
                    upTo?.Bind(delete, "u");
                    await delete.ExecuteNonQueryAsync(ct);
                    if (upTo is null)
                    {
                        break;
                    }
                }
            }

            using (await db.EnterWriteAsync(ct))
            {
                await using var drop = db.CreateCommand(Drop);
                drop.Add("@id", run.Id);
                await drop.ExecuteNonQueryAsync(ct);
            }
        }
    }

    public async Task<List<RunRow>> RunsAsync(CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var runs = new List<RunRow>();
        await using var command = db.CreateCommand(Runs);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            runs.Add(new RunRow(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
        }

        return runs;
    }

    // The smallest size class with F live runs, its oldest F: small merges first keeps the number of runs a search seeks low.
    private List<RunRow> Pick(List<RunRow> runs) =>
        runs.Where(r => r.State == ReadRuns.Live)
            .GroupBy(r => ReadRuns.Tier(r.Entries, settings.RunReads, settings.RunFanIn))
            .Where(g => g.Count() >= settings.RunFanIn)
            .OrderBy(g => g.Key)
            .Select(g => g.OrderBy(r => r.Id).Take(settings.RunFanIn).ToList())
            .FirstOrDefault() ?? [];

    // Slice boundaries from the largest input, read outside the gate (sealed runs do not change while the run lock is
    // held): every k-th key, k chosen so each slice of the merged output holds about RunSlice entries.
    private async Task<List<RunKey>> BoundsAsync(List<RunRow> inputs, CancellationToken ct)
    {
        var largest = inputs.MaxBy(r => r.Entries)!;
        var total = Math.Max(1, inputs.Sum(r => r.Entries));
        var every = Math.Max(1, (long)((double)settings.RunSlice * largest.Entries / total));
        var bounds = new List<RunKey>();
        await using var command = db.CreateCommand(Keys);
        command.Add("@run", largest.Id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        for (var n = 1L; await reader.ReadAsync(ct); n++)
        {
            if (n % every == 0)
            {
                bounds.Add(RunKey.From(reader));
            }
        }

        return bounds;
    }

    private static string CopySql(string ids, RunKey? after, RunKey? upTo) => $"""
        INSERT INTO anpr_read_terms ("Run", "Term", "ObservedAtMs", "ReadId")
        SELECT @output, "Term", "ObservedAtMs", "ReadId" FROM anpr_read_terms WHERE "Run" IN ({ids})
        {(after is null ? "" : """AND ("Term", "ObservedAtMs", "ReadId") > (@aT, @aO, @aR)""")}
        {(upTo is null ? "" : """AND ("Term", "ObservedAtMs", "ReadId") <= (@uT, @uO, @uR)""")}
        ORDER BY "Term", "ObservedAtMs", "ReadId"
        """;

    [LoggerMessage(Level = LogLevel.Debug, Message = "ANPR read index: {Runs} runs merged into run {Output} ({Entries} entries)")]
    private static partial void LogMerged(ILogger logger, int runs, long entries, long output);
}

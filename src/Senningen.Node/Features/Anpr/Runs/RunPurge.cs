using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Features.Anpr.Runs;

/// <summary>What a purge through the runs deleted: reads, and their entries (a plate key or camera with a time each).</summary>
internal sealed record RunPurgeResult(long Reads, long Entries);

/// <summary>
/// SQLite's retention purge, driven by the runs: every stored read has exactly one plate entry in one run, so walking
/// the runs that began before the cutoff finds every read due, without an index on the reads' time (whose insertion
/// points, for reads arriving out of order, cost as much as the indexes the runs replaced). Each slice of a run's key
/// range is one transaction: the reads due whose plate entry lies in it, then the slice's entries due. A run left with
/// nothing after the cutoff is retired.
/// </summary>
internal sealed class RunPurge(SenningenDbContext db, RunMerger merger, AnprSettings settings)
{
    private DbTransaction? _slice;

    private const string InSlice = """
        "Run" = @run AND ("Term", "ObservedAtMs", "ReadId") > (@aT, @aO, @aR) AND ("Term", "ObservedAtMs", "ReadId") <= (@uT, @uO, @uR) AND "ObservedAtMs" < @cutoff
        """;
    private const string InRest = """
        "Run" = @run AND ("Term", "ObservedAtMs", "ReadId") > (@aT, @aO, @aR) AND "ObservedAtMs" < @cutoff
        """;
    private const string Shrink = """
        UPDATE anpr_read_runs SET "Entries" = max(0, "Entries" - @n), "FromMs" = max("FromMs", @cutoff) WHERE "Id" = @id
        """;
    private const string Retire = """UPDATE anpr_read_runs SET "State" = 3 WHERE "Id" = @id AND "ToMs" < @cutoff""";

    /// <summary>Call with <see cref="RunLock"/> held, so no merge copies entries meanwhile.</summary>
    public async Task<RunPurgeResult> PurgeBeforeAsync(long cutoffMs, CancellationToken ct)
    {
        var due = (await merger.RunsAsync(ct)).Where(r => r.State is ReadRuns.Open or ReadRuns.Live && r.FromMs < cutoffMs).ToList();
        long reads = 0, entries = 0;
        foreach (var run in due)
        {
            var (r, e) = await TrimAsync(run.Id, cutoffMs, ct);
            (reads, entries) = (reads + r, entries + e);
            if (run.ToMs < cutoffMs)
            {
                // Checked again under the gate: the open run may have taken newer reads since it was listed.
                using (await db.EnterWriteAsync(ct))
                {
                    await using var retire = db.CreateCommand(Retire);
                    retire.Add("@id", run.Id);
                    retire.Add("@cutoff", cutoffMs);
                    await retire.ExecuteNonQueryAsync(ct);
                }
            }
        }

        await merger.ClearRetiredAsync(ct);
        return new RunPurgeResult(reads, entries);
    }

    // Walks the run's key range in slices: entries past the cutoff are interleaved with old ones in key order.
    private async Task<(long Reads, long Entries)> TrimAsync(long run, long cutoffMs, CancellationToken ct)
    {
        var after = RunKey.Start;
        long reads = 0, entries = 0;
        while (true)
        {
            RunKey? upTo;
            using (await db.EnterWriteAsync(ct))
            await using (var transaction = await db.Database.GetDbConnection().BeginTransactionAsync(ct))
            {
                // Not EF's transaction: a purge slice needs no fsync of its own (the purge's audit entry, written
                // after, waits for one that covers it), and must not wait for one while it holds the write gate.
                _slice = transaction;
                upTo = await RunKey.SliceEndAsync(db, transaction, run, after, settings.RunSlice, ct);
                var where = upTo is null ? InRest : InSlice;
                var (plates, gone) = await DeletePlateEntriesAsync(where, run, after, upTo, cutoffMs, ct);
                await using var others = Command($"""DELETE FROM anpr_read_terms WHERE {where}""", run, after, upTo, cutoffMs);
                var n = plates + await others.ExecuteNonQueryAsync(ct);
                if (n > 0)
                {
                    // The run's count stays exact: it decides the size class, so which runs merge together.
                    await using var shrink = Sql(Shrink);
                    shrink.Add("@n", n);
                    shrink.Add("@cutoff", cutoffMs);
                    shrink.Add("@id", run);
                    await shrink.ExecuteNonQueryAsync(ct);
                }

                await transaction.CommitAsync(ct);
                _slice = null;
                (reads, entries) = (reads + gone, entries + n);
            }

            if (upTo is not { } bound)
            {
                return (reads, entries);
            }

            after = bound;
        }
    }

    // The slice's plate entries due, and their reads (RETURNING gives the ids): one plate entry per read.
    private async Task<(long Entries, long Reads)> DeletePlateEntriesAsync(string where, long run, RunKey after,
        RunKey? upTo, long cutoffMs, CancellationToken ct)
    {
        var ids = new List<long>();
        await using (var entries = Command($"""
            DELETE FROM anpr_read_terms WHERE {where} AND "Term" >= 'k' AND "Term" < 'l' RETURNING "ReadId"
            """, run, after, upTo, cutoffMs))
        await using (var reader = await entries.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        await using var delete = Sql("""DELETE FROM anpr_reads WHERE "Id" = @id""");
        var id = delete.Add("@id", 0L);
        var reads = 0L;
        foreach (var readId in ids)
        {
            id.Value = readId;
            reads += await delete.ExecuteNonQueryAsync(ct);
        }

        return (ids.Count, reads);
    }

    private DbCommand Sql(string sql)
    {
        var command = db.CreateCommand(sql);
        command.Transaction = _slice;
        return command;
    }

    private DbCommand Command(string sql, long run, RunKey after, RunKey? upTo, long cutoffMs)
    {
        var command = Sql(sql);
        command.Add("@run", run);
        after.Bind(command, "a");
        upTo?.Bind(command, "u");
        command.Add("@cutoff", cutoffMs);
        return command;
    }
}

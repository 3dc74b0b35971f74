using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Features.Anpr.Runs;

/// <summary>
/// The retention purge's part in the runs: a plate's key with a time and a camera is personal data too, so entries of
/// reads past the cutoff go with the reads. Runs wholly before the cutoff are retired and deleted; a run that straddles
/// it loses its old entries, a slice of its key range per transaction.
/// </summary>
internal sealed class RunPurge(SenningenDbContext db, RunMerger merger, AnprSettings settings)
{
    private const string Retire = """UPDATE anpr_read_runs SET "State" = 3 WHERE "State" IN (0, 1) AND "ToMs" < @cutoff""";
    private const string Slice = """
        SELECT "Term", "ObservedAtMs", "ReadId" FROM anpr_read_terms WHERE "Run" = @run AND ("Term", "ObservedAtMs", "ReadId") > (@aT, @aO, @aR)
        ORDER BY "Term", "ObservedAtMs", "ReadId" LIMIT 1 OFFSET @skip
        """;
    private const string Trim = """
        DELETE FROM anpr_read_terms WHERE "Run" = @run AND ("Term", "ObservedAtMs", "ReadId") > (@aT, @aO, @aR)
          AND ("Term", "ObservedAtMs", "ReadId") <= (@uT, @uO, @uR) AND "ObservedAtMs" < @cutoff
        """;
    private const string TrimRest = """
        DELETE FROM anpr_read_terms WHERE "Run" = @run AND ("Term", "ObservedAtMs", "ReadId") > (@aT, @aO, @aR) AND "ObservedAtMs" < @cutoff
        """;
    private const string Shrink = """
        UPDATE anpr_read_runs SET "Entries" = max(0, "Entries" - @n), "FromMs" = max("FromMs", @cutoff) WHERE "Id" = @id
        """;

    /// <summary>Call with <see cref="RunLock"/> held. Returns the entries deleted.</summary>
    public async Task<long> PurgeBeforeAsync(long cutoffMs, CancellationToken ct)
    {
        var before = (await merger.RunsAsync(ct)).Where(r => r.State is ReadRuns.Open or ReadRuns.Live).ToList();
        var deleted = before.Where(r => r.ToMs < cutoffMs).Sum(r => r.Entries);
        using (await db.EnterWriteAsync(ct))
        {
            await using var retire = db.CreateCommand(Retire);
            retire.Add("@cutoff", cutoffMs);
            await retire.ExecuteNonQueryAsync(ct);
        }

        await merger.ClearRetiredAsync(ct);
        foreach (var run in before.Where(r => r.FromMs < cutoffMs && r.ToMs >= cutoffMs))
        {
            deleted += await TrimAsync(run.Id, cutoffMs, ct);
        }

        return deleted;
    }

    // Walks the run's key range in slices (entries past the cutoff are interleaved with old ones in key order).
    private async Task<long> TrimAsync(long run, long cutoffMs, CancellationToken ct)
    {
        var after = ("", long.MinValue, long.MinValue);
        var deleted = 0L;
        while (true)
        {
            using (await db.EnterWriteAsync(ct))
            {
                (string, long, long)? upTo = null;
                await using (var slice = db.CreateCommand(Slice))
                {
                    slice.Add("@run", run);
                    Add(slice, "@a", after);
                    slice.Add("@skip", settings.RunSlice - 1);
                    await using var reader = await slice.ExecuteReaderAsync(ct);
                    if (await reader.ReadAsync(ct))
                    {
                        upTo = (reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2));
                    }
                }

                await using var trim = db.CreateCommand(upTo is null ? TrimRest : Trim);
                trim.Add("@run", run);
                Add(trim, "@a", after);
                if (upTo is { } bound)
                {
                    Add(trim, "@u", bound);
                }

                trim.Add("@cutoff", cutoffMs);
                var n = await trim.ExecuteNonQueryAsync(ct);
                await using var shrink = db.CreateCommand(Shrink);
                shrink.Add("@n", n);
                shrink.Add("@cutoff", cutoffMs);
                shrink.Add("@id", run);
                await shrink.ExecuteNonQueryAsync(ct);
                deleted += n;
                if (upTo is not { } next)
                {
                    return deleted;
                }

                after = next;
            }
        }
    }

    private static void Add(System.Data.Common.DbCommand command, string prefix, (string Term, long Observed, long Read) key)
    {
        command.Add(prefix + "T", key.Term);
        command.Add(prefix + "O", key.Observed);
        command.Add(prefix + "R", key.Read);
    }
}

using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;
using Senningen.Node.Features.Anpr.Runs;

namespace Senningen.Node.Features.Anpr.Retention;

/// <summary>What one purge did: reads deleted, and the moment before which reads were due.</summary>
internal sealed record PurgeResult(int Deleted, DateTimeOffset Cutoff);

/// <summary>
/// Deletes the reads older than the legal retention period: on SQLite through the runs that index them (ADR 0012), a
/// slice per transaction so that a large purge never holds the single writer for long; on PostgreSQL whole days by
/// dropping their partitions, then the rest a bounded chunk per statement. A purge that deleted something leaves one
/// audit entry (count, cutoff, rule).
/// Hits live in their own table, kept with their case: nothing here touches them.
/// </summary>
internal sealed partial class PurgeReads(SenningenDbContext db, ReadPartitions partitions, RunPurge runs, RunLock runLock, AuditLog audit, AnprLegalRules rules, NodeSettings node,
    TimeProvider clock, ILogger<PurgeReads> logger)
{
    public Task<PurgeResult> RunAsync(CancellationToken ct) => RunAsync(clock.GetUtcNow() - rules.Retention, ct);

    /// <param name="cutoff">Reads observed before it go: the retention worker's, from the node's retention table.</param>
    public async Task<PurgeResult> RunAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var cutoffMs = cutoff.ToUnixTimeMilliseconds();
        // On PostgreSQL whole days go first, and the days ahead are made ready; the rows left are deleted below.
        await partitions.EnsureAheadAsync(now, ct);
        var deleted = await partitions.DropBeforeAsync(cutoffMs, ct);
        long entries = 0;
        if (db.Database.IsSqlite())
        {
            // SQLite: the runs know where every read is (ADR 0012); under the run lock no merge copies entries meanwhile.
            using (await runLock.EnterAsync(ct))
            {
                var result = await runs.PurgeBeforeAsync(cutoffMs, ct);
                (deleted, entries) = ((int)result.Reads, result.Entries);
            }
        }
        else
        {
            deleted += await DeleteRemainingAsync(cutoff, ct);
        }

        if (deleted > 0)
        {
            await audit.WriteAsync(new AuditRecord(AuditActions.AnprReadsPurged, AuditOutcomes.Success,
                Detail: $"{deleted} read(s) observed before {cutoff:O} deleted{(entries > 0 ? $", with {entries} index entries" : "")}: {node.Country.Value} retention of {(now - cutoff).TotalDays:0.##} days"),
                Actor.Node(node), ct);
            LogPurged(logger, deleted, cutoff);
        }

        return new PurgeResult(deleted, cutoff);
    }

    // PostgreSQL: reads left outside whole days (the default partition's late arrivals), a bounded chunk per statement.
    private async Task<int> DeleteRemainingAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        var chunk = rules.PurgeBatchSize;
        int last, deleted = 0;
        do
        {
            var due = db.AnprReads.Where(r => r.ObservedAt < cutoff).OrderBy(r => r.Id).Take(chunk).Select(r => r.Id);
            last = await db.AnprReads.Where(r => due.Contains(r.Id)).ExecuteDeleteAsync(ct);
            deleted += last;
        }
        while (last == chunk);

        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ANPR retention: {Count} read(s) observed before {Cutoff} deleted")]
    private static partial void LogPurged(ILogger logger, int count, DateTimeOffset cutoff);
}

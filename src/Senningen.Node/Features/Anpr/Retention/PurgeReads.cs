using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Runs;

namespace Senningen.Node.Features.Anpr.Retention;

/// <summary>What one purge did: reads deleted, and the moment before which reads were due.</summary>
internal sealed record PurgeResult(int Deleted, DateTimeOffset Cutoff);

/// <summary>
/// Deletes the reads older than the legal retention period, a bounded chunk per statement so that a large purge never
/// holds SQLite's single writer for long; a run that deleted something leaves one audit entry (count, cutoff, rule).
/// Hits live in their own table, kept with their case: nothing here touches them.
/// </summary>
internal sealed partial class PurgeReads(SenningenDbContext db, ReadPartitions partitions, RunPurge runs, RunLock runLock, AuditLog audit, AnprLegalRules rules, NodeSettings node,
    TimeProvider clock, ILogger<PurgeReads> logger)
{
    public async Task<PurgeResult> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - rules.Retention;
        var cutoffMs = cutoff.ToUnixTimeMilliseconds();
        var chunk = rules.PurgeBatchSize;
        // On PostgreSQL whole days go first, and the days ahead are made ready; the rows left are deleted below.
        await partitions.EnsureAheadAsync(now, ct);
        var deleted = await partitions.DropBeforeAsync(cutoffMs, ct);
        // On SQLite the runs' entries of those reads go first, under the run lock so no merge copies them meanwhile.
        using var held = await runLock.EnterAsync(ct);
        var entries = db.Database.IsSqlite() ? await runs.PurgeBeforeAsync(cutoffMs, ct) : 0;
        int last;
        do
        {
            // The gate is taken per chunk: ingestion gets the writer between two chunks.
            using (await db.EnterWriteAsync(ct))
            {
                var due = db.AnprReads.Where(r => r.ObservedAtMs < cutoffMs).OrderBy(r => r.Id).Take(chunk).Select(r => r.Id);
                last = await db.AnprReads.Where(r => due.Contains(r.Id)).ExecuteDeleteAsync(ct);
            }

            deleted += last;
        }
        while (last == chunk);

        if (deleted > 0)
        {
            await audit.WriteAsync(new AuditRecord(AuditActions.AnprReadsPurged, AuditOutcomes.Success,
                Detail: $"{deleted} read(s) observed before {cutoff:O} deleted{(entries > 0 ? $", with {entries} index entries" : "")}: {node.Country.Value} retention of {rules.Retention.TotalDays:0.##} days"),
                Actor.Node(node), ct);
            LogPurged(logger, deleted, cutoff);
        }

        return new PurgeResult(deleted, cutoff);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ANPR retention: {Count} read(s) observed before {Cutoff} deleted")]
    private static partial void LogPurged(ILogger logger, int count, DateTimeOffset cutoff);
}

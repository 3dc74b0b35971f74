using Microsoft.EntityFrameworkCore;
using Senningen.Core.Retention;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Retention;
using Senningen.Node.Features.Retention.Data;

namespace Senningen.Node.Features.Retention.Purging;

/// <summary>What one run did to one kind.</summary>
internal sealed record KindPurged(string Kind, int Count, DateTimeOffset Cutoff);

/// <summary>
/// One purge run: for every kind, the records whose period ran out before the cutoff of this node's rule, minus those
/// a hold keeps, are deleted or anonymised a bounded chunk per statement, and a kind that lost any gets one audit
/// entry for the run (count, cutoff, rule).
/// </summary>
internal sealed partial class PurgeExpired(SenningenDbContext db, IEnumerable<IRetentionTarget> targets, RetentionSettings settings, AuditLog audit,
    NodeSettings node, TimeProvider clock, ILogger<PurgeExpired> logger)
{
    public async Task<IReadOnlyList<KindPurged>> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var holds = await ActiveHoldsAsync(now, ct);
        var results = new List<KindPurged>();
        foreach (var target in targets.OrderBy(t => t.Kind, StringComparer.Ordinal))
        {
            var rule = settings.RuleFor(target.Kind);
            var chunk = new RetentionChunk(rule.CutoffAt(now), settings.ChunkSize, holds);
            int count = 0, last;
            do
            {
                last = target.AuditsItself ? await target.ApplyAsync(chunk, ct) : await ApplyAuditedAsync(target, rule, chunk, ct);
                count += last;
            }
            while (last >= chunk.Limit && !target.AuditsItself);

            if (count > 0 && !target.AuditsItself)
            {
                LogPurged(logger, target.Kind, count, chunk.Cutoff);
            }

            results.Add(new KindPurged(target.Kind, count, chunk.Cutoff));
        }

        return results;
    }

    /// <summary>
    /// One chunk and its audit entry in one transaction: a crash between chunks (kill -9, tests/Faults) must not leave
    /// records removed with no entry that says so.
    /// </summary>
    private async Task<int> ApplyAuditedAsync(IRetentionTarget target, RetentionRule rule, RetentionChunk chunk, CancellationToken ct)
    {
        await using var unit = db.BeginUnitOfWork();
        // The gate (SQLite) and the transaction come first: the target's statement then runs inside them.
        using (await db.EnterWriteAsync(ct))
        {
            await unit.BeginOnFirstWriteAsync(ct);
        }

        var count = await target.ApplyAsync(chunk, ct);
        if (count == 0)
        {
            return 0;
        }

        audit.Add(new AuditRecord(AuditActions.RetentionPurged, AuditOutcomes.Success, Detail: Describe(rule, count, chunk.Cutoff)), Actor.Node(node));
        await db.SaveChangesAsync(ct);
        await unit.CommitAsync(ct);
        return count;
    }

    private static string Describe(RetentionRule rule, int count, DateTimeOffset cutoff) =>
        $"{rule.Kind}: {count} record(s) counted from {Name(rule.CountedFrom)} before {cutoff:O} "
        + (rule.Action == RetentionAction.Delete ? "deleted" : $"anonymised ({string.Join(", ", rule.Fields)})")
        + $": {rule.Country.Value} rule of {rule.Period.TotalDays:0.##} days, {rule.LegalBasis}{(rule.Verify ? " (to be verified)" : "")}";

    private static string Name(CountedFrom from) => RetentionTableParser.CountedFromNames.First(n => n.Value == from).Key;

    private async Task<RetentionHoldSet> ActiveHoldsAsync(DateTimeOffset now, CancellationToken ct)
    {
        var holds = await db.RetentionHolds.AsNoTracking().Where(h => h.Until == null || h.Until > now).ToListAsync(ct);
        var ids = holds.SelectMany(h => h.RecordIds.Split(',', StringSplitOptions.RemoveEmptyEntries)).Select(Guid.Parse).ToHashSet();
        var cases = holds.Select(h => h.CaseReference).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return new RetentionHoldSet([.. ids], [.. cases]);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Count} {Kind} record(s) counted from before {Cutoff} purged")]
    private static partial void LogPurged(ILogger logger, string kind, int count, DateTimeOffset cutoff);
}

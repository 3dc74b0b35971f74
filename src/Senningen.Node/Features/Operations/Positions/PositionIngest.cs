using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Operations;
using Senningen.Core.Operations;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.Data;

namespace Senningen.Node.Features.Operations.Positions;

/// <summary>What became of a batch: the result, or why there is none.</summary>
internal sealed record IngestOutcome(PositionBatchResult? Result, bool NotFound = false, bool Ended = false);

/// <summary>
/// Stores a batch of fixes, advances each unit's crossing detector and, in the same transaction, queues the
/// notifications and forwarded positions for partners. Concurrent batches for one unit (two instances, a retrying
/// client) are settled by the unit's version: the loser starts again from the committed state. Within one process they
/// take turns (<see cref="OperationTurns"/>) instead.
/// </summary>
internal sealed class PositionIngest(SenningenDbContext db, CrossingDetector detector, CrossingNotifier notifier, NodeSettings settings,
    OperationsFeed feed, OperationTurns turns, Texts texts, TimeProvider clock)
{
    private const int Attempts = 4;

    public async Task<IngestOutcome> RecordAsync(Guid operationId, IReadOnlyList<PositionFixInput?> inputs, CancellationToken ct)
    {
        using var turn = await turns.EnterAsync(operationId, ct);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var outcome = await TryRecordAsync(operationId, inputs, ct);
                if (outcome.Result is { Accepted: > 0 })
                {
                    feed.Changed(operationId);
                }

                return outcome;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<IngestOutcome> TryRecordAsync(Guid operationId, IReadOnlyList<PositionFixInput?> inputs, CancellationToken ct)
    {
        var operation = await db.Operations.Include(o => o.Units).FirstOrDefaultAsync(o => o.Id == operationId, ct);
        if (operation is null)
        {
            return new IngestOutcome(null, NotFound: true);
        }

        if (operation.Status == OperationStatus.Ended)
        {
            return new IngestOutcome(null, Ended: true);
        }

        var now = clock.GetUtcNow();
        var tolerance = settings.Operations.FutureTolerance;
        var callSigns = operation.Units.ToDictionary(u => u.CallSign, u => u.CallSign, StringComparer.OrdinalIgnoreCase);
        var rejected = new List<RejectedFix>();
        var valid = new List<PositionFix>(inputs.Count);
        for (var i = 0; i < inputs.Count; i++)
        {
            if (FixRules.Check(i, inputs[i], callSigns, DateTimeOffset.FromUnixTimeMilliseconds(operation.StartedAtMs) - tolerance,
                    now + tolerance, texts, rejected) is { } fix)
            {
                valid.Add(fix);
            }
        }

        var fresh = await WithoutDuplicatesAsync(operationId, valid, ct);
        var crossings = new List<BorderCrossing>();
        var forwarded = new List<PositionFix>();
        foreach (var group in fresh.GroupBy(f => f.Unit))
        {
            var unit = operation.Units.First(u => u.CallSign == group.Key);
            Advance(unit, operationId, [.. group], now, crossings, forwarded);
        }

        var crossingViews = await notifier.NotifyAsync(operation, crossings, forwarded, now, ct);
        await db.SaveChangesAsync(ct);
        return new IngestOutcome(new PositionBatchResult(fresh.Count, valid.Count - fresh.Count, rejected, crossingViews));
    }

    private void Advance(OperationUnit unit, Guid operationId, PositionFix[] fixes, DateTimeOffset now, List<BorderCrossing> crossings,
        List<PositionFix> forwarded)
    {
        var receivedAt = now.ToUnixTimeMilliseconds();
        foreach (var f in fixes)
        {
            db.UnitFixes.Add(new UnitFix
            {
                OperationId = operationId, Unit = unit.CallSign, TimeMs = f.Time.ToUnixTimeMilliseconds(), Lat = f.Point.Latitude,
                Lon = f.Point.Longitude, Speed = f.Speed, Heading = f.Heading, Accuracy = f.Accuracy, ReceivedAtMs = receivedAt,
            });
        }

        var before = unit.DetectorState.Length == 0 ? default : JsonSerializer.Deserialize<UnitTrackState>(unit.DetectorState);
        var after = detector.Feed(before, fixes, crossings);
        unit.DetectorState = JsonSerializer.Serialize(after);
        unit.Country = after.Country;
        unit.Zone = after.Zone;
        unit.Version++;
        var latest = fixes.MaxBy(f => f.Time);
        if (unit.LastFixAtMs is null || latest.Time.ToUnixTimeMilliseconds() > unit.LastFixAtMs)
        {
            (unit.LastFixAtMs, unit.LastLat, unit.LastLon) = (latest.Time.ToUnixTimeMilliseconds(), latest.Point.Latitude, latest.Point.Longitude);
            (unit.LastSpeed, unit.LastHeading, unit.LastAccuracy) = (latest.Speed, latest.Heading, latest.Accuracy);
        }

        // Positions go to a partner only while the unit is confirmed on its territory, and only those from the crossing on.
        if (after.Country is { } country && country != settings.Country.Value && after.Since is { } since)
        {
            forwarded.AddRange(fixes.Where(f => f.Time >= since));
        }
    }

    private async Task<List<PositionFix>> WithoutDuplicatesAsync(Guid operationId, List<PositionFix> fixes, CancellationToken ct)
    {
        if (fixes.Count == 0)
        {
            return fixes;
        }

        var units = fixes.Select(f => f.Unit).Distinct().ToList();
        var from = fixes.Min(f => f.Time).ToUnixTimeMilliseconds();
        var to = fixes.Max(f => f.Time).ToUnixTimeMilliseconds();
        var known = (await db.UnitFixes.AsNoTracking()
                .Where(f => f.OperationId == operationId && units.Contains(f.Unit) && f.TimeMs >= from && f.TimeMs <= to)
                .Select(f => new { f.Unit, f.TimeMs }).ToListAsync(ct))
            .Select(k => (k.Unit, k.TimeMs)).ToHashSet();
        var fresh = new List<PositionFix>(fixes.Count);
        foreach (var fix in fixes)
        {
            if (known.Add((fix.Unit, fix.Time.ToUnixTimeMilliseconds())))
            {
                fresh.Add(fix);
            }
        }

        return fresh;
    }
}

using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Operations;
using Senningen.Core.Countries;
using Senningen.Core.Operations;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.Data;
using Senningen.Node.Features.Operations.Lifecycle;

namespace Senningen.Node.Features.Operations.Positions;

/// <summary>
/// Stores a group of position batches in one unit of work: checks each fix in its sender's language, drops fixes
/// already stored, advances each unit's crossing detector and queues the notifications and forwarded positions for
/// partners. Concurrent batches for one unit at another instance are settled by the unit's version (the save fails).
/// </summary>
internal sealed class PositionStore(SenningenDbContext db, CrossingDetector detector, CrossingNotifier notifier, NodeSettings settings,
    Texts texts, TimeProvider clock)
{
    // Fixes further apart than this are looked up per operation: one range over all of them could read hours of track.
    private static readonly TimeSpan OneLookupSpan = TimeSpan.FromMinutes(10);

    public async Task<IReadOnlyList<IngestOutcome>> StoreAsync(IReadOnlyList<PendingPositions> group, CancellationToken ct)
    {
        var ids = group.Select(p => p.OperationId).Distinct().ToList();
        var operations = await db.Operations.Include(o => o.Units).Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var now = clock.GetUtcNow();
        var checkedBatches = group.Select(p => Check(p, operations.GetValueOrDefault(p.OperationId), now)).ToList();
        var known = await KnownAsync(checkedBatches, ct);
        var outcomes = new List<IngestOutcome>(group.Count);
        for (var i = 0; i < group.Count; i++)
        {
            var (operation, valid, rejected) = checkedBatches[i];
            if (operation is null || !OperationSteps.Decide(operation, OperationAction.RecordPositions).IsAllowed)
            {
                outcomes.Add(new IngestOutcome(null, NotFound: operation is null, Ended: operation is not null));
                continue;
            }

            var before = OperationSteps.StateOf(operation);
            // Fixes are whole milliseconds (FixRules), as stored: equal instants are the same fix.
            var fresh = valid.Where(f => known.Add((operation.Id, f.Unit, f.Time))).ToList();
            var crossings = new List<BorderCrossing>();
            var forwarded = new List<PositionFix>();
            foreach (var unitFixes in fresh.GroupBy(f => f.Unit))
            {
                Advance(operation.Units.First(u => u.CallSign == unitFixes.Key), operation.Id, [.. unitFixes], now, crossings, forwarded);
            }

            if (crossings.Count > 0)
            {
                OperationSteps.Crossed(operation, before);
            }

            // Counted on the operation, so a tracker (or replay) whose fixes are refused is seen there, not only by the sender.
            foreach (var reason in rejected.GroupBy(r => r.Reason))
            {
                db.RefusedFixes.Add(new RefusedFixes { OperationId = operation.Id, Reason = reason.Key, Count = reason.Count(), At = now });
            }

            var crossingViews = await notifier.NotifyAsync(operation, crossings, forwarded, now, group[i].Actor, ct);
            outcomes.Add(new IngestOutcome(new PositionBatchResult(fresh.Count, valid.Count - fresh.Count, [.. rejected.Select(r => r.Fix)],
                crossingViews)));
        }

        await db.SaveChangesAsync(ct);
        return outcomes;
    }

    private (Operation? Operation, List<PositionFix> Valid, List<Refusal> Rejected) Check(PendingPositions pending, Operation? operation,
        DateTimeOffset now)
    {
        var valid = new List<PositionFix>(pending.Inputs.Count);
        var rejected = new List<Refusal>();
        if (operation is null || !OperationSteps.Decide(operation, OperationAction.RecordPositions).IsAllowed)
        {
            return (operation, valid, rejected);
        }

        // Rejections are read by the sender: in the language of its request, not the writer's.
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (pending.Culture, pending.UiCulture);
        try
        {
            var tolerance = settings.Operations.FutureTolerance;
            var callSigns = operation.Units.ToDictionary(u => u.CallSign, u => u.CallSign, StringComparer.OrdinalIgnoreCase);
            var (earliest, latest) = FixRules.Window(operation.StartedAt, now, tolerance);
            for (var i = 0; i < pending.Inputs.Count; i++)
            {
                if (FixRules.Check(i, pending.Inputs[i], callSigns, earliest, latest, texts, rejected) is { } fix)
                {
                    valid.Add(fix);
                }
            }
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }

        return (operation, valid, rejected);
    }

    /// <summary>The (operation, unit, time) of stored fixes in the time range of the group's valid fixes.</summary>
    private async Task<HashSet<(Guid, string, DateTimeOffset)>> KnownAsync(
        List<(Operation? Operation, List<PositionFix> Valid, List<Refusal> Rejected)> batches, CancellationToken ct)
    {
        var ranges = batches.Where(b => b.Operation is not null && b.Valid.Count > 0)
            .GroupBy(b => b.Operation!.Id)
            .Select(g => (Id: g.Key, From: g.Min(b => b.Valid.Min(f => f.Time)), To: g.Max(b => b.Valid.Max(f => f.Time))))
            .ToList();
        var known = new HashSet<(Guid, string, DateTimeOffset)>();
        if (ranges.Count == 0)
        {
            return known;
        }

        var (from, to) = (ranges.Min(r => r.From), ranges.Max(r => r.To));
        var lookups = to - from <= OneLookupSpan ? [([.. ranges.Select(r => r.Id)], from, to)] : ranges.Select(r => (new List<Guid> { r.Id }, r.From, r.To));
        foreach (var (ids, min, max) in lookups)
        {
            var rows = await db.UnitFixes.AsNoTracking()
                .Where(f => ids.Contains(f.OperationId) && f.Time >= min && f.Time <= max)
                .Select(f => new { f.OperationId, f.Unit, f.Time }).ToListAsync(ct);
            known.UnionWith(rows.Select(r => (r.OperationId, r.Unit, r.Time)));
        }

        return known;
    }

    private void Advance(OperationUnit unit, Guid operationId, PositionFix[] fixes, DateTimeOffset now, List<BorderCrossing> crossings,
        List<PositionFix> forwarded)
    {
        foreach (var f in fixes)
        {
            db.UnitFixes.Add(new UnitFix
            {
                OperationId = operationId, Unit = unit.CallSign, Time = f.Time, Lat = f.Point.Latitude,
                Lon = f.Point.Longitude, Speed = f.Speed, Heading = f.Heading, Accuracy = f.Accuracy, ReceivedAt = now,
            });
        }

        var before = unit.DetectorState.Length == 0 ? default : JsonSerializer.Deserialize<UnitTrackState>(unit.DetectorState);
        var after = detector.Feed(before, fixes, crossings);
        unit.DetectorState = JsonSerializer.Serialize(after);
        unit.Country = after.Country is null ? null : CountryCode.Parse(after.Country);
        unit.Zone = after.Zone;
        unit.Version++;
        var latest = fixes.MaxBy(f => f.Time);
        if (unit.LastFixAt is null || latest.Time > unit.LastFixAt)
        {
            (unit.LastFixAt, unit.LastLat, unit.LastLon) = (latest.Time, latest.Point.Latitude, latest.Point.Longitude);
            (unit.LastSpeed, unit.LastHeading, unit.LastAccuracy) = (latest.Speed, latest.Heading, latest.Accuracy);
        }

        // Positions go to a partner only while the unit is confirmed on its territory, and only those from the crossing on.
        if (after.Country is { } country && country != settings.Country.Value && after.Since is { } since)
        {
            forwarded.AddRange(fixes.Where(f => f.Time >= since));
        }
    }
}

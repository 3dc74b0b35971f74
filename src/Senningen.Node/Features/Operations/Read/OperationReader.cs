using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Operations;
using Senningen.Core.Access;
using Senningen.Core.Operations;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Security;
using Senningen.Node.Features.Operations.Data;
using Senningen.Node.Features.Operations.Timeline;
using Senningen.Node.Common.Paging;

namespace Senningen.Node.Features.Operations.Read;

/// <summary>Builds the views of this node's own operations, with the timeline in the reader's language.</summary>
public sealed class OperationReader(SenningenDbContext db, Texts texts, Core.Treaty.TreatyCatalogue catalogue, ZoneDirectory zones)
{
    public async Task<OperationView?> GetAsync(Guid id, string language, CancellationToken ct)
    {
        var operation = await db.Operations.AsNoTracking().Include(o => o.Units).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (operation is null)
        {
            return null;
        }

        var crossings = await db.OperationCrossings.AsNoTracking().Where(c => c.OperationId == id).OrderBy(c => c.At).ThenBy(c => c.Id)
            .ToListAsync(ct);
        var events = await db.OperationEvents.AsNoTracking().Where(e => e.OperationId == id).OrderBy(e => e.At).ThenBy(e => e.Id)
            .ToListAsync(ct);
        var refused = await RefusedAsync([id], language, ct);
        return ToView(operation, crossings, events, language, refused[id]);
    }

    /// <summary>Refused fixes per operation and reason, summed in the database.</summary>
    private async Task<ILookup<Guid, RefusedFixesView>> RefusedAsync(List<Guid> ids, string language, CancellationToken ct)
    {
        var rows = await db.RefusedFixes.AsNoTracking().Where(r => ids.Contains(r.OperationId))
            .GroupBy(r => new { r.OperationId, r.Reason })
            .Select(g => new { g.Key.OperationId, g.Key.Reason, Count = g.Sum(r => r.Count), LastAt = g.Max(r => r.At) })
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.Count).ThenBy(r => r.Reason, StringComparer.Ordinal)
            .ToLookup(r => r.OperationId, r => new RefusedFixesView(r.Reason, texts.Get(language, $"ops.refused.reason.{r.Reason}"), r.Count, r.LastAt));
    }

    /// <summary>The owner need to know judges the operation by; null when there is no such operation.</summary>
    public async Task<Owner?> OwnerAsync(Guid id, CancellationToken ct) =>
        await db.Operations.AsNoTracking().Where(o => o.Id == id).Select(o => new { o.OwnerUnit, o.HomeZone }).FirstOrDefaultAsync(ct) is { } row
            ? Owner.Of(row.OwnerUnit, row.HomeZone)
            : null;

    /// <param name="scope">The reader's reach: the list holds only what it covers, filtered in the database so <paramref name="take"/> counts only those.</param>
    public async Task<IReadOnlyList<OperationView>> ListAsync(AccessScope scope, bool activeOnly, PageRequest page, string language, CancellationToken ct)
    {
        var query = db.Operations.AsNoTracking().Include(o => o.Units).Within(scope, o => o.OwnerUnit, o => o.HomeZone);
        if (activeOnly)
        {
            query = query.Where(o => o.Status == OperationStatus.Active);
        }

        var operations = await query.PageBy(page, newestFirst: true, o => o.StartedAt, o => o.Id).ToListAsync(ct);
        var ids = operations.Select(o => o.Id).ToList();
        var crossings = (await db.OperationCrossings.AsNoTracking().Where(c => ids.Contains(c.OperationId)).ToListAsync(ct))
            .ToLookup(c => c.OperationId);
        var refused = await RefusedAsync(ids, language, ct);
        return [.. operations.Select(o => ToView(o, [.. crossings[o.Id].OrderBy(c => c.At)], [], language, refused[o.Id]))];
    }

    /// <summary>Each unit's last <paramref name="perUnit"/> fixes: one index range per unit, so a quiet unit keeps its track when others report often.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<PositionView>>> TracksAsync(Guid id, int perUnit, CancellationToken ct)
    {
        var units = await db.OperationUnits.AsNoTracking().Where(u => u.OperationId == id).Select(u => u.CallSign).ToListAsync(ct);
        var tracks = new Dictionary<string, IReadOnlyList<PositionView>>(units.Count);
        foreach (var unit in units)
        {
            var fixes = await db.UnitFixes.AsNoTracking().Where(f => f.OperationId == id && f.Unit == unit).OrderByDescending(f => f.Time)
                .Take(perUnit).ToListAsync(ct);
            if (fixes.Count > 0)
            {
                tracks[unit] = [.. fixes.OrderBy(f => f.Time).Select(ToPosition)];
            }
        }

        return tracks;
    }

    public OperationView ToView(Operation o, IReadOnlyList<OperationCrossing> crossings, IReadOnlyList<OperationEvent> events, string language,
        IEnumerable<RefusedFixesView>? refused = null) => new(
        o.Id,
        o.Type,
        o.Status == OperationStatus.Active ? "active" : "ended",
        o.HomeCountry.Value,
        o.HomeZone,
        o.CaseReference,
        [.. o.Units.OrderBy(u => u.Id).Select(u => new OperationUnitView(u.CallSign, u.Vehicle, u.Officers, u.Country?.Value, u.Zone,
            u.LastFixAt is { } t && u.LastLat is { } lat && u.LastLon is { } lon
                ? new PositionView(lat, lon, t, u.LastSpeed, u.LastHeading, u.LastAccuracy)
                : null))],
        Lines(o.Vehicles),
        o.Suspect,
        o.Reason,
        o.AuthorisationReference,
        o.AuthorisationDeadline,
        o.StartedAt,
        o.StartedBy,
        o.EndedAt,
        o.Outcome,
        [.. crossings.Select(ToView)],
        [.. events.Select(e => new TimelineEntry(e.At, e.Kind,
            OperationLog.Render(texts, catalogue, language, e.Kind, OperationLog.ArgumentsOf(e), z => zones.ControlRoomName(z, language))))],
        [.. refused ?? []]);

    public static CrossingView ToView(OperationCrossing c) =>
        new(c.Unit, c.FromCountry.Value, c.ToCountry.Value, c.FromZone, c.ToZone, c.At, c.Lat, c.Lon);

    public static PositionView ToPosition(UnitFix f) =>
        new(f.Lat, f.Lon, f.Time, f.Speed, f.Heading, f.Accuracy);

    public static IReadOnlyList<string> Lines(string text) =>
        text.Length == 0 ? [] : text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Anpr;
using Senningen.Core.Access;
using Senningen.Core.Anpr;
using Senningen.Core.Countries;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Security;
using Senningen.Node.Features.Anpr.Data;

namespace Senningen.Node.Features.Anpr.Hits;

/// <summary>Which hits a board shows: the ones still to acknowledge (the default), the acknowledged ones, or all.</summary>
internal enum HitState
{
    Unacknowledged,
    Acknowledged,
    All,
}

/// <summary>A checked question to the hit board: state and filters, and which page of how many groups.</summary>
internal sealed record HitBoardQuery(HitState State, HotlistCategory? Category, HotlistAction? Action, string? CameraId, int Page, int PageSize)
{
    public const int BoardPageSize = 50;

    public static readonly HitBoardQuery Default = new(HitState.Unacknowledged, null, null, null, 1, BoardPageSize);
}

/// <summary>A camera that raised hits in the board's period, to filter by: its id, and the name the board shows.</summary>
internal sealed record CameraChoice(string Id, string Name);

/// <summary>
/// The hit board's groups, built by the database (SQLite and PostgreSQL): the hits of one hotlist entry (owner and
/// entry id) are grouped, counted and ordered there, and only one page of groups, their latest hits and their camera
/// names are read. A shift of 10,000 hits is never loaded.
/// </summary>
internal static class HitGroups
{
    /// <summary>The hits a reader may see (need to know): a hit has no unit, only the control-room zone it happened in.</summary>
    public static IQueryable<Hit> Visible(SenningenDbContext db, AccessScope scope) => db.AnprHits.AsNoTracking().Within(scope, h => null, h => h.Zone);

    public static IQueryable<Hit> Filtered(SenningenDbContext db, AccessScope scope, DateTimeOffset since, HitBoardQuery query)
    {
        var hits = Visible(db, scope).Where(h => h.ReceivedAt >= since);
        hits = query.State switch
        {
            HitState.Unacknowledged => hits.Where(h => h.AcknowledgedAt == null),
            HitState.Acknowledged => hits.Where(h => h.AcknowledgedAt != null),
            _ => hits,
        };
        if (query.Category is { } category)
        {
            hits = hits.Where(h => h.Category == category);
        }

        if (query.Action is { } action)
        {
            hits = hits.Where(h => h.Action == action);
        }

        return query.CameraId is { } camera ? hits.Where(h => h.CameraId == camera) : hits;
    }

    /// <param name="window">Rows to skip and to read instead of the query's page number and size: the API's cursor pages.</param>
    public static async Task<HitGroupPage> PageAsync(SenningenDbContext db, AccessScope scope, DateTimeOffset since, HitBoardQuery query,
        CancellationToken ct, (int Skip, int Take)? window = null)
    {
        var hits = Filtered(db, scope, since, query);
        var grouped = hits.GroupBy(h => new { h.Owner, h.EntryId }).Select(g => new GroupRow
        {
            Owner = g.Key.Owner,
            EntryId = g.Key.EntryId,
            Action = g.Max(h => h.Action),
            Category = g.Max(h => h.Category),
            EntryPlate = g.Max(h => h.EntryPlate)!,
            Count = g.Count(),
            Unacknowledged = g.Count(h => h.AcknowledgedAt == null),
            FirstSeen = g.Min(h => h.ObservedAt),
            LastSeen = g.Max(h => h.ObservedAt),
        });
        var total = await grouped.CountAsync(ct);
        var rows = await grouped.OrderByDescending(UrgencyOfRow).ThenByDescending(g => g.LastSeen).ThenBy(g => g.EntryId).ThenBy(g => g.Owner)
            .Skip(window?.Skip ?? (query.Page - 1) * query.PageSize).Take(window?.Take ?? query.PageSize).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return new HitGroupPage([], query.Page, query.PageSize, total);
        }

        var entries = rows.Select(r => r.EntryId).Distinct().ToList();
        var onPage = hits.Where(h => entries.Contains(h.EntryId));
        var latest = await onPage.GroupBy(h => new { h.Owner, h.EntryId })
            .Select(g => g.OrderByDescending(h => h.ObservedAt).ThenByDescending(h => h.ReceivedAt).First()).ToListAsync(ct);
        var cameras = await onPage.Select(h => new { h.Owner, h.EntryId, h.CameraName }).Distinct().ToListAsync(ct);
        var groups = rows.Select(r => ToView(r,
            latest.First(h => h.Owner == r.Owner && h.EntryId == r.EntryId),
            [.. cameras.Where(c => c.Owner == r.Owner && c.EntryId == r.EntryId).Select(c => c.CameraName).Order(StringComparer.CurrentCulture)]));
        return new HitGroupPage([.. groups], query.Page, query.PageSize, total);
    }

    /// <summary>The cameras that raised hits since a moment, by name: the board's camera filter.</summary>
    public static async Task<IReadOnlyList<CameraChoice>> CamerasAsync(SenningenDbContext db, AccessScope scope, DateTimeOffset since,
        CancellationToken ct)
    {
        var cameras = await Visible(db, scope).Where(h => h.ReceivedAt >= since)
            .Select(h => new { h.CameraId, h.CameraName }).Distinct().ToListAsync(ct);
        return [.. cameras.DistinctBy(c => c.CameraId).Select(c => new CameraChoice(c.CameraId, c.CameraName))
            .OrderBy(c => c.Name, StringComparer.CurrentCulture).ThenBy(c => c.Id, StringComparer.Ordinal)];
    }

    private static HitGroupView ToView(GroupRow r, Hit latest, IReadOnlyList<string> cameras) =>
        new(r.Owner.Value, r.EntryId, r.EntryPlate, AnprNames.Of(r.Category), AnprNames.Of(r.Action), r.Count, r.Unacknowledged, r.FirstSeen,
            r.LastSeen, cameras, latest.Id, latest.Plate, latest.Score, latest.Lat, latest.Lon, latest.SentTo?.Value, latest.ReceivedFrom?.Value,
            latest.AcknowledgedBy, latest.AcknowledgedAt);

    /// <summary>
    /// Core's urgency of a group's action (<see cref="HitUrgencies.Of"/>) as an expression the database orders by: one
    /// CASE arm per action, built from Core's rule so the SQL cannot drift from it.
    /// </summary>
    private static readonly Expression<Func<GroupRow, int>> UrgencyOfRow = BuildUrgency();

    private static Expression<Func<GroupRow, int>> BuildUrgency()
    {
        var row = Expression.Parameter(typeof(GroupRow), "g");
        var action = Expression.Property(row, nameof(GroupRow.Action));
        Expression urgency = Expression.Constant(0);
        foreach (var value in Enum.GetValues<HotlistAction>())
        {
            urgency = Expression.Condition(Expression.Equal(action, Expression.Constant(value)), Expression.Constant((int)HitUrgencies.Of(value)), urgency);
        }

        return Expression.Lambda<Func<GroupRow, int>>(urgency, row);
    }

    private sealed class GroupRow
    {
        public CountryCode Owner { get; init; }

        public string EntryId { get; init; } = "";

        public HotlistAction Action { get; init; }

        public HotlistCategory Category { get; init; }

        public string EntryPlate { get; init; } = "";

        public int Count { get; init; }

        public int Unacknowledged { get; init; }

        public DateTimeOffset FirstSeen { get; init; }

        public DateTimeOffset LastSeen { get; init; }
    }
}

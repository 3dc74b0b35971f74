using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Senningen.Node.Common.Live;

/// <summary>The rows after a <see cref="StreamKey"/>, oldest first, for any table with a stored-at moment and a GUID id.</summary>
public static class StreamQueries
{
    /// <summary>
    /// At most <paramref name="max"/> rows after <paramref name="after"/> in key order. Ids are ordered here, not in SQL (the
    /// stores order GUIDs differently), so the rows of one millisecond are read whole: the one sharing <paramref name="after"/>'s,
    /// and the last one of a full page, which is left for the next call unless the page holds nothing else.
    /// </summary>
    public static async Task<List<T>> AfterAsync<T>(IQueryable<T> query, Expression<Func<T, DateTimeOffset>> at, Func<T, StreamKey> key, StreamKey after,
        int max, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        var same = await query.Where(Compare(at, ExpressionType.Equal, after.At)).ToListAsync(ct);
        var later = await query.Where(Compare(at, ExpressionType.GreaterThan, after.At)).OrderBy(at).Take(max).ToListAsync(ct);
        if (later.Count == max)
        {
            var boundary = key(later[^1]).At;
            var before = later.Where(r => key(r).At < boundary).ToList();
            later = before.Count > 0 ? before : await query.Where(Compare(at, ExpressionType.Equal, boundary)).ToListAsync(ct);
        }

        return [.. same.Where(r => key(r) > after).Concat(later).OrderBy(key).Take(max)];
    }

    // The moment goes in as a captured value, so the query is parameterised and its plan cached.
    private static Expression<Func<T, bool>> Compare<T>(Expression<Func<T, DateTimeOffset>> at, ExpressionType comparison, DateTimeOffset moment)
    {
        var holder = new Moment(moment);
        var value = Expression.Property(Expression.Constant(holder), nameof(Moment.Value));
        return Expression.Lambda<Func<T, bool>>(Expression.MakeBinary(comparison, at.Body, value), at.Parameters);
    }

    private sealed record Moment(DateTimeOffset Value);
}

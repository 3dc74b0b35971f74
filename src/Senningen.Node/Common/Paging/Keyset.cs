using System.Linq.Expressions;

namespace Senningen.Node.Common.Paging;

/// <summary>
/// The keyset half of a page in the database: <c>WHERE (time, id) after the cursor ORDER BY time, id LIMIT n</c>, the
/// pair a total order (ties on the time broken by the id). Both providers compare the id as they sort it (SQLite its
/// text, PostgreSQL its uuid), so the order and the "after" agree; nothing is compared in .NET.
/// </summary>
internal static class Keyset
{
    /// <summary>Rows after <paramref name="page"/>'s key in (time, id) order, newest or oldest first, at most one past its limit.</summary>
    public static IQueryable<T> PageBy<T>(this IQueryable<T> query, PageRequest page, bool newestFirst,
        Expression<Func<T, DateTimeOffset>> time, Expression<Func<T, Guid>> id)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.After is { } after)
        {
            query = query.Where(After(after, newestFirst, time, id));
        }

        var ordered = newestFirst ? query.OrderByDescending(time).ThenByDescending(id) : query.OrderBy(time).ThenBy(id);
        return ordered.Take(page.Fetch);
    }

    /// <summary>
    /// As <see cref="PageBy{T}(IQueryable{T}, PageRequest, bool, Expression{Func{T, DateTimeOffset}}, Expression{Func{T, Guid}})"/>,
    /// newest first, past <paramref name="skip"/> rows: for a deprecated page number on a list's first page only (an offset
    /// again reads every row it skips; the next links go on by key).
    /// </summary>
    public static IQueryable<T> SkipThenPageBy<T>(this IQueryable<T> query, PageRequest page, int skip,
        Expression<Func<T, DateTimeOffset>> time, Expression<Func<T, Guid>> id)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (skip == 0)
        {
            return query.PageBy(page, newestFirst: true, time, id);
        }

        if (page.After is { } after)
        {
            query = query.Where(After(after, newestFirst: true, time, id));
        }

        return query.OrderByDescending(time).ThenByDescending(id).Skip(skip).Take(page.Fetch);
    }

    /// <summary>Rows after <paramref name="page"/>'s key in name order (the database's own, for the order and the "after" alike), at most one past its limit.</summary>
    public static IQueryable<T> PageBy<T>(this IQueryable<T> query, PageRequest page, Expression<Func<T, string>> name)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(name);
        if (page.After is { } after)
        {
            var past = Expression.LessThan(Expression.Call(typeof(string), nameof(string.Compare), null,
                Expression.Constant(after.Id), name.Body), Expression.Constant(0));
            query = query.Where(Expression.Lambda<Func<T, bool>>(past, name.Parameters));
        }

        return query.OrderBy(name).Take(page.Fetch);
    }

    /// <summary>The key of a row with a time and a Guid id, as <see cref="PageBy{T}(IQueryable{T}, PageRequest, bool, Expression{Func{T, DateTimeOffset}}, Expression{Func{T, Guid}})"/> reads it back.</summary>
    public static PageKey Of(DateTimeOffset time, Guid id) => PageKey.At(time, id.ToString());

    /// <summary>
    /// Rows after <paramref name="page"/>'s key in (position, id) order for rows keyed by two numbers (a tree size and a
    /// row id, or a log sequence twice), at most one past its limit. Their views do not carry the row id: the use case
    /// names where the page ended with <see cref="PageRequest.EndsAt"/>.
    /// </summary>
    public static IQueryable<T> PageBy<T>(this IQueryable<T> query, PageRequest page, bool newestFirst,
        Expression<Func<T, long>> position, Expression<Func<T, long>> id)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(id);
        if (page.After is { } after)
        {
            var lastId = long.Parse(after.Id, System.Globalization.CultureInfo.InvariantCulture);
            var rowId = new Rebind(id.Parameters[0], position.Parameters[0]).Visit(id.Body);
            query = query.Where(After<T, long>(position, Parameter(after.Position), newestFirst,
                beyond => newestFirst ? Expression.LessThan(rowId, Parameter(lastId)) : Expression.GreaterThan(rowId, Parameter(lastId))));
        }

        var ordered = newestFirst ? query.OrderByDescending(position).ThenByDescending(id) : query.OrderBy(position).ThenBy(id);
        return ordered.Take(page.Fetch);
    }

    private static Expression<Func<T, bool>> After<T>(PageKey after, bool newestFirst, Expression<Func<T, DateTimeOffset>> time,
        Expression<Func<T, Guid>> id)
    {
        // The cursor is signed by this node and written by Of: a key that is no Guid is a bug, not bad input.
        var rowId = new Rebind(id.Parameters[0], time.Parameters[0]).Visit(id.Body);
        var idOrder = Expression.Call(rowId, typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!, Parameter(Guid.Parse(after.Id)));
        return After<T, DateTimeOffset>(time, Parameter(new DateTimeOffset(after.Position, TimeSpan.Zero)), newestFirst,
            _ => newestFirst ? Expression.LessThan(idOrder, Expression.Constant(0)) : Expression.GreaterThan(idOrder, Expression.Constant(0)));
    }

    // (position, id) after the cursor's: a position past it, or the same position and an id past it. The redundant
    // "position not before it" lets PostgreSQL start its index scan at the cursor (EXPLAIN: without it, a deep page
    // filtered every row before the cursor, 2,044 of 5,000 hits; with it, 45), where the OR alone is only a filter.
    private static Expression<Func<T, bool>> After<T, TPosition>(Expression<Func<T, TPosition>> position, Expression last, bool newestFirst,
        Func<bool, Expression> idBeyond)
    {
        var from = newestFirst ? Expression.LessThanOrEqual(position.Body, last) : Expression.GreaterThanOrEqual(position.Body, last);
        var beyond = newestFirst ? Expression.LessThan(position.Body, last) : Expression.GreaterThan(position.Body, last);
        var body = Expression.AndAlso(from, Expression.OrElse(beyond, Expression.AndAlso(Expression.Equal(position.Body, last), idBeyond(newestFirst))));
        return Expression.Lambda<Func<T, bool>>(body, position.Parameters[0]);
    }

    private static MemberExpression Parameter<TValue>(TValue value) =>
        Expression.Property(Expression.Constant(new Box<TValue>(value)), nameof(Box<TValue>.Value));

    private sealed record Box<TValue>(TValue Value);

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

namespace Senningen.Node.Common.Paging;

/// <summary>A list answered page by page (see <see cref="PagedFilter{TItem}"/>): its name binds cursors to it.</summary>
/// <param name="NewestFirst">The list's order: descending keys (newest first) or ascending (oldest first, or by name).</param>
/// <param name="Regrouped">The use case shows a page's items in another order than its keys (the limit+1'th item still last).</param>
internal sealed record PagedMetadata(string Name, bool NewestFirst, int DefaultLimit = PagedMetadata.StandardDefault, int MaxLimit = PagedMetadata.StandardMax,
    bool Regrouped = false)
{
    public const int StandardDefault = 50;
    public const int StandardMax = 500;
}

/// <summary>A list that is small by nature (a reviewed catalogue), answered whole: <paramref name="Max"/> is the bound its source keeps.</summary>
internal sealed record BoundedListMetadata(int Max, string Reason);

internal static class PagingExtensions
{
    public static IServiceCollection AddPaging(this IServiceCollection services) => services.AddSingleton<PageCursors>();

    /// <summary>
    /// <c>limit</c>, <c>cursor</c> and a next link on a list endpoint whose use case reads <see cref="PageRequest.Of"/>'s
    /// page with a keyset query (<see cref="Keyset"/>); <paramref name="keyOf"/> gives an item's key in the list's order.
    /// </summary>
    public static RouteHandlerBuilder Paged<TItem>(this RouteHandlerBuilder builder, string name, bool newestFirst, Func<TItem, PageKey> keyOf,
        int defaultLimit = PagedMetadata.StandardDefault, int maxLimit = PagedMetadata.StandardMax, bool regrouped = false)
    {
        var list = new PagedMetadata(name, newestFirst, defaultLimit, maxLimit, regrouped);
        return builder.AddEndpointFilter(new PagedFilter<TItem>(list, keyOf)).WithMetadata(list);
    }

    /// <summary>As <see cref="Paged{TItem}"/>, for a list the API answers inside an object (kept so for its clients).</summary>
    public static RouteHandlerBuilder Paged<TBody, TItem>(this RouteHandlerBuilder builder, string name, bool newestFirst, Func<TItem, PageKey> keyOf,
        Func<TBody, IEnumerable<TItem>> items, Func<List<TItem>, TBody> wrap, int defaultLimit = PagedMetadata.StandardDefault,
        int maxLimit = PagedMetadata.StandardMax)
        where TBody : class
    {
        var list = new PagedMetadata(name, newestFirst, defaultLimit, maxLimit);
        ArgumentNullException.ThrowIfNull(wrap);
        return builder.Paged(name, newestFirst, keyOf, items, (TBody _, List<TItem> page) => wrap(page), defaultLimit, maxLimit);
    }

    /// <summary>As <see cref="Paged{TBody, TItem}(RouteHandlerBuilder, string, bool, Func{TItem, PageKey}, Func{TBody, IEnumerable{TItem}}, Func{List{TItem}, TBody}, int, int)"/>, for an object with other fields (a total) that the page keeps.</summary>
    public static RouteHandlerBuilder Paged<TBody, TItem>(this RouteHandlerBuilder builder, string name, bool newestFirst, Func<TItem, PageKey> keyOf,
        Func<TBody, IEnumerable<TItem>> items, Func<TBody, List<TItem>, TBody> rewrap, int defaultLimit = PagedMetadata.StandardDefault,
        int maxLimit = PagedMetadata.StandardMax)
        where TBody : class
    {
        var list = new PagedMetadata(name, newestFirst, defaultLimit, maxLimit);
        var body = new PagedBody<TItem>(value => value is TBody whole ? items(whole) : null, (whole, page) => rewrap((TBody)whole, page));
        return builder.AddEndpointFilter(new PagedFilter<TItem>(list, keyOf, body)).WithMetadata(list);
    }

    /// <summary>
    /// As <see cref="Paged{TItem}"/>, for a list whose views do not carry their key (a log sequence, a row id): the use
    /// case names where each page ends with <see cref="PageRequest.EndsAt"/>.
    /// </summary>
    public static RouteHandlerBuilder PagedByRowKey<TItem>(this RouteHandlerBuilder builder, string name, bool newestFirst,
        int defaultLimit = PagedMetadata.StandardDefault, int maxLimit = PagedMetadata.StandardMax) =>
        builder.Paged<TItem>(name, newestFirst, _ => throw new InvalidOperationException($"The use case of {name} must name where its page ends."),
            defaultLimit, maxLimit);

    /// <summary>Documents a list as bounded by nature: the test that enumerates lists accepts it without a cursor.</summary>
    public static RouteHandlerBuilder Bounded(this RouteHandlerBuilder builder, int max, string reason) =>
        builder.WithMetadata(new BoundedListMetadata(max, reason));
}

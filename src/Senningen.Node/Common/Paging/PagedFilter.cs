using System.Globalization;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Common.Paging;

/// <summary>
/// Cuts a list answer into pages: <c>limit</c> items at most (the list's default when absent), those after the
/// <c>cursor</c> in the list's order (a keyset, so items added meanwhile neither repeat nor push others off a page),
/// and a <c>Link: &lt;…&gt;; rel="next"</c> when more follow. The use case keeps its order and its own bound on what it
/// reads. The body stays the array it always was, so the console, the officers' app and the CLI read it as before. A bad limit or cursor is a 400 naming the field.
/// </summary>
internal sealed class PagedFilter<TItem>(PagedMetadata list, Func<TItem, PageKey> keyOf) : IEndpointFilter
{
    public const string LimitField = "limit";
    public const string CursorField = "cursor";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var texts = http.RequestServices.GetRequiredService<Texts>();
        var user = http.User.Identity?.Name ?? "";
        var query = http.Request.Query;
        var limit = list.DefaultLimit;
        if (query.TryGetValue(LimitField, out var limitText)
            && (!int.TryParse(limitText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > list.MaxLimit))
        {
            return Problems.Validation(texts, new FieldError(LimitField, Rules.Range, texts["rule.range", LimitField, 1, list.MaxLimit]));
        }

        PageKey? after = null;
        if (query.TryGetValue(CursorField, out var cursorText))
        {
            var cursors = http.RequestServices.GetRequiredService<PageCursors>();
            switch (cursors.Read(cursorText.ToString(), list.Name, user, out var key))
            {
                case PageCursors.Verdict.Valid:
                    after = key;
                    break;
                case PageCursors.Verdict.Expired:
                    return Problems.Validation(texts, new FieldError(CursorField, PagingRules.CursorExpired, texts["rule.cursor-expired", CursorField]));
                default:
                    return Problems.Validation(texts, new FieldError(CursorField, PagingRules.CursorInvalid, texts["rule.cursor-invalid", CursorField]));
            }
        }

        var result = await next(context);
        var inner = result;
        while (inner is INestedHttpResult nested)
        {
            inner = nested.Result;
        }

        if (inner is not IValueHttpResult { Value: IEnumerable<TItem> items } || (inner as IStatusCodeHttpResult)?.StatusCode is not (null or 200))
        {
            return result;
        }

        var page = Page(items, after, limit, out var last);
        if (last is { } end)
        {
            var link = NextLink(http.Request, http.RequestServices.GetRequiredService<PageCursors>().Write(list.Name, user, end), limit);
            http.Response.Headers.Append("Link", $"<{link}>; rel=\"next\"");
        }

        return TypedResults.Ok(page);
    }

    /// <summary>
    /// The items after <paramref name="after"/>, at most <paramref name="limit"/>, in the order the use case gave them;
    /// <paramref name="last"/> is set when more follow. The page starts after the cursor's item; when that item has gone
    /// meanwhile, at the first item past the cursor's key in the list's order.
    /// </summary>
    private List<TItem> Page(IEnumerable<TItem> items, PageKey? after, int limit, out PageKey? last)
    {
        var all = items as IReadOnlyList<TItem> ?? items.ToList();
        var start = 0;
        if (after is { } cursor)
        {
            start = all.Count;
            for (var i = 0; i < all.Count; i++)
            {
                var key = keyOf(all[i]);
                if (key == cursor)
                {
                    start = i + 1;
                    break;
                }

                if (start == all.Count && (list.NewestFirst ? key < cursor : key > cursor))
                {
                    start = i;
                }
            }
        }

        var count = Math.Min(limit, all.Count - start);
        last = start + count < all.Count ? keyOf(all[start + count - 1]) : null;
        var page = new List<TItem>(count);
        for (var i = start; i < start + count; i++)
        {
            page.Add(all[i]);
        }

        return page;
    }

    // Relative to the request (RFC 8288 resolves it against the request's address): right behind any proxy, and the other filters stay.
    private static string NextLink(HttpRequest request, string cursor, int limit)
    {
        var pairs = request.Query.Where(q => q.Key is not (LimitField or CursorField))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new(LimitField, limit.ToString(CultureInfo.InvariantCulture)))
            .Append(new(CursorField, cursor));
        return $"{request.PathBase}{request.Path}{QueryString.Create(pairs)}";
    }
}

/// <summary>The rule names of a refused cursor, stable for clients: start again from the first page.</summary>
public static class PagingRules
{
    public const string CursorInvalid = "cursor-invalid";
    public const string CursorExpired = "cursor-expired";
}

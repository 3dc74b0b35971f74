using System.Globalization;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Common.Paging;

/// <summary>
/// Pages a list answer: checks <c>limit</c> (the list's default when absent) and <c>cursor</c>, hands the use case a
/// <see cref="PageRequest"/> (the key after which to read, and how many), and cuts what the use case read (the items
/// after the key in the list's order, from a keyset query, one past the limit) to the limit, with a
/// <c>Link: &lt;…&gt;; rel="next"</c> when more follow. Items added meanwhile neither repeat nor push others off a page.
/// The body stays the array it always was, so the console, the officers' app and the CLI read it as before. A bad limit or cursor is a 400 naming the field.
/// </summary>
/// <param name="body">For a list answered inside an object (operations): its items, and the object around a page of them.</param>
internal sealed class PagedFilter<TItem>(PagedMetadata list, Func<TItem, PageKey> keyOf, PagedBody<TItem>? body = null) : IEndpointFilter
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

        var request = new PageRequest(limit, after);
        http.Features.Set(request);
        var result = await next(context);
        var inner = result;
        while (inner is INestedHttpResult nested)
        {
            inner = nested.Result;
        }

        var value = (inner as IValueHttpResult)?.Value;
        var items = value is not null ? body?.Items(value) ?? value as IEnumerable<TItem> : null;
        if (items is null || (inner as IStatusCodeHttpResult)?.StatusCode is not (null or 200))
        {
            return result;
        }

        // A use case that still honours an older page parameter (operations' take) set the page it served.
        request = http.Features.Get<PageRequest>() ?? request;
        limit = request.Limit;

        // The use case read the items after the cursor, one past the limit: that one only says a next page exists.
        var page = items.Take(limit + 1).ToList();
        if (page.Count > limit)
        {
            page.RemoveRange(limit, page.Count - limit);
            // A list shown regrouped within its page (requests: crisis first) continues after the page's last key, not its last item.
            var last = request.End ?? (!list.Regrouped ? keyOf(page[^1]) : list.NewestFirst ? page.Min(keyOf) : page.Max(keyOf));
            var cursor = http.RequestServices.GetRequiredService<PageCursors>().Write(list.Name, user, last);
            http.Response.Headers.Append("Link", $"<{NextLink(http.Request, cursor, limit)}>; rel=\"next\"");
        }

        return body is null ? TypedResults.Ok(page) : TypedResults.Ok(body.Wrap(value!, page));
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

/// <summary>How a list answered inside an object is paged: its items, and the object the use case answered (its other fields kept) around a page of them.</summary>
internal sealed record PagedBody<TItem>(Func<object, IEnumerable<TItem>?> Items, Func<object, List<TItem>, object> Wrap);

/// <summary>The rule names of a refused cursor, stable for clients: start again from the first page.</summary>
public static class PagingRules
{
    public const string CursorInvalid = "cursor-invalid";
    public const string CursorExpired = "cursor-expired";
}

using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Anpr;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Paging;

namespace Senningen.Node.Features.Anpr.Hits;

/// <summary>
/// <c>GET /api/v1/anpr/hits?since=</c>: hits received since a moment (default: the last 24 hours), newest first; and
/// <c>GET /api/v1/anpr/hits/groups</c>: the same hits grouped by hotlist entry, a page at a time; both audited.
/// </summary>
internal static class ReadHits
{
    /// <summary>What a call without <c>limit</c> gets: the bound the list always kept.</summary>
    public const int ListDefault = 1000;

    public static async Task<Results<Ok<List<HitView>>, ProblemHttpResult>> ListAsync(string? since, HitReader reader, Texts texts,
        HttpContext http, CancellationToken ct)
    {
        var outcome = await reader.ListAsync(since, PageRequest.Of(http, ListDefault), ct);
        return outcome.Hits is { } hits ? TypedResults.Ok(hits) : Problems.Validation(texts, outcome.Error!);
    }

    /// <summary>What a call without <c>limit</c> gets, and the most a page holds: the old <c>pageSize</c>'s default and maximum.</summary>
    public const int GroupsDefault = 50;
    public const int GroupsMax = 200;

    /// <summary>
    /// One page of groups. The deprecated <c>pageSize</c> (1-200) still sets the first page's size when no <c>limit</c>
    /// is given, and <c>page</c> still starts at that page when no <c>cursor</c> is given; the next link goes on by cursor.
    /// </summary>
    public static async Task<Results<Ok<HitGroupPage>, ProblemHttpResult>> GroupsAsync([AsParameters] HitGroupFilter filter, HitReader reader,
        Texts texts, HttpContext http, CancellationToken ct)
    {
        var sizeFromPageSize = filter.PageSize is not null && !http.Request.Query.ContainsKey(PagedFilter<object>.LimitField);
        var outcome = await reader.GroupsAsync(filter, PageRequest.Of(http, GroupsDefault), sizeFromPageSize, ct);
        if (outcome.Page is not { } page)
        {
            return Problems.Validation(texts, outcome.Errors);
        }

        // The use case may have taken its size from the old parameter: the pager cuts and links by the request it used.
        http.Features.Set(outcome.Request);
        return TypedResults.Ok(page);
    }
}

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

    public static async Task<Results<Ok<HitGroupPage>, ProblemHttpResult>> GroupsAsync([AsParameters] HitGroupFilter filter, HitReader reader,
        Texts texts, CancellationToken ct)
    {
        var outcome = await reader.GroupsAsync(filter, ct);
        return outcome.Page is { } page ? TypedResults.Ok(page) : Problems.Validation(texts, outcome.Errors);
    }
}

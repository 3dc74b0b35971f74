using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Anpr;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Anpr.Hits;

/// <summary><c>GET /api/v1/anpr/hits?since=</c>: hits received since a moment (default: the last 24 hours), newest first; audited.</summary>
internal static class ReadHits
{
    public static async Task<Results<Ok<List<HitView>>, ProblemHttpResult>> ListAsync(string? since, HitReader reader, Texts texts,
        CancellationToken ct)
    {
        var outcome = await reader.ListAsync(since, ct);
        return outcome.Hits is { } hits ? TypedResults.Ok(hits) : Problems.Validation(texts, outcome.Error!);
    }
}

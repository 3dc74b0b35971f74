using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Anpr;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Anpr.History;

/// <summary>
/// <c>POST /api/v1/anpr/reads/search</c>: stored reads by plate (canonical key) or camera over a period. Invalid requests answer
/// 400 naming field and rule; a search the node's law does not allow without a prosecutor's reference answers 403 naming the
/// rule and <c>prosecutorReference</c>. Every search is audited.
/// </summary>
internal static class SearchReads
{
    public static async Task<Results<Ok<ReadSearchResult>, ProblemHttpResult>> HandleAsync(ReadSearchRequest? request, ReadHistory history,
        Texts texts, CancellationToken ct)
    {
        var outcome = await history.SearchAsync(request, ct);
        if (outcome.Result is { } result)
        {
            return TypedResults.Ok(result);
        }

        if (outcome.Refusal is not { } refusal)
        {
            return Problems.Validation(texts, outcome.Errors);
        }

        return Problems.Create(texts, StatusCodes.Status403Forbidden, refusal.Rule, texts["anpr.search.refused"],
            new Dictionary<string, object?> { ["rule"] = refusal.Rule, ["errors"] = new[] { refusal } });
    }
}

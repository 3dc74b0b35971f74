using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Retention;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Paging;

namespace Senningen.Node.Features.Retention.Holds;

/// <summary><c>/api/v1/retention/holds</c>: the data protection officer places (201, or 400 naming each broken rule), lists and lifts (204, 404) holds.</summary>
internal static class HoldEndpoints
{
    public static async Task<Results<Created<HoldView>, ProblemHttpResult>> PlaceAsync(PlaceHoldRequest? request, RetentionHolds holds, Texts texts,
        CancellationToken ct)
    {
        var outcome = await holds.PlaceAsync(request, ct);
        return outcome.Hold is { } hold ? TypedResults.Created($"/api/v1/retention/holds/{hold.Id}", hold) : Problems.Validation(texts, outcome.Errors);
    }

    public static async Task<Ok<List<HoldView>>> ListAsync(RetentionHolds holds, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await holds.ListAsync(ct, PageRequest.Of(http, ListDefault)));

    /// <summary>What a call without <c>limit</c> gets.</summary>
    public const int ListDefault = 500;

    public static async Task<Results<NoContent, ProblemHttpResult>> LiftAsync(Guid id, RetentionHolds holds, Texts texts, CancellationToken ct) =>
        await holds.LiftAsync(id, ct) ? TypedResults.NoContent() : Problems.NotFound(texts, texts["retention.hold"]);
}

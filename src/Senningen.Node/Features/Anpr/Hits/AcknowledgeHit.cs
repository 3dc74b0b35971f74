using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Anpr;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Anpr.Hits;

/// <summary><c>POST /api/v1/anpr/hits/{id}/acknowledge</c>: the control room has seen the hit and acts on the entry's action.</summary>
internal static class AcknowledgeHit
{
    public static async Task<Results<Ok<HitView>, ProblemHttpResult>> HandleAsync(Guid id, AcknowledgeHitRequest? request,
        HitAcknowledgements acknowledgements, Texts texts, CancellationToken ct)
    {
        var outcome = await acknowledgements.AcknowledgeAsync(id, request?.Note, ct);
        return outcome switch
        {
            { Hit: { } hit } => TypedResults.Ok(hit),
            { Status: StatusCodes.Status404NotFound } => Problems.NotFound(texts, texts["anpr.hit"]),
            { Status: StatusCodes.Status409Conflict, Error: { } conflict } => Problems.Conflict(texts, conflict.Message),
            { Error: { } error } => Problems.Validation(texts, error),
            _ => throw new InvalidOperationException("A refused acknowledgement always says why."),
        };
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Anpr;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Anpr.Hits;

/// <summary>
/// <c>POST /api/v1/anpr/hits/{id}/acknowledge</c>: the control room has seen the hit and acts on the entry's action;
/// <c>…/{id}/acknowledge-group</c>: the same for the hit and every earlier one of its hotlist entry (a group on the board).
/// </summary>
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

    public static async Task<Results<Ok<HitGroupAcknowledged>, ProblemHttpResult>> HandleGroupAsync(string id, AcknowledgeHitRequest? request,
        HitAcknowledgements acknowledgements, Texts texts, CancellationToken ct)
    {
        var outcome = await acknowledgements.AcknowledgeGroupAsync(id, request?.Note, ct);
        return outcome switch
        {
            { Acknowledged: { } done } => TypedResults.Ok(done),
            { Status: StatusCodes.Status404NotFound } => Problems.NotFound(texts, texts["anpr.hit"]),
            { Status: StatusCodes.Status409Conflict, Error: { } conflict } => Problems.Conflict(texts, conflict.Message),
            { Error: { } error } => Problems.Validation(texts, error),
            _ => throw new InvalidOperationException("A refused acknowledgement always says why."),
        };
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Requests;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Features.Requests.Reading;

namespace Senningen.Node.Features.Requests.Workflow;

/// <summary>
/// <c>POST /api/v1/requests/{id}/transitions</c> and <c>POST /api/v1/requests/{id}/acknowledge</c>: one action on a
/// request; 200 with the request after it, or 400/403/409 problem+json naming the field and rule.
/// </summary>
internal static class TransitionRequest
{
    public static async Task<Results<Ok<RequestView>, ProblemHttpResult>> HandleAsync(Guid id, TransitionInput? input, RequestTransitions transitions,
        RequestReader reader, Texts texts, CancellationToken ct)
    {
        var outcome = await transitions.ApplyAsync(id, input, ct);
        return outcome switch
        {
            { Request: { } request } => TypedResults.Ok(await reader.ViewAsync(request, Texts.CurrentLanguage, ct)),
            { Status: StatusCodes.Status404NotFound } => Problems.NotFound(texts, texts["request.noun"]),
            { Status: StatusCodes.Status409Conflict, Error: { } error } => RequestProblems.Conflict(texts, error),
            { Status: StatusCodes.Status403Forbidden, Error: { } error } => RequestProblems.Forbidden(texts, error),
            { Error: { } error } => Problems.Validation(texts, error),
            _ => throw new InvalidOperationException("A refused step always names its rule."),
        };
    }

    public static Task<Results<Ok<RequestView>, ProblemHttpResult>> AcknowledgeAsync(Guid id, RequestTransitions transitions, RequestReader reader,
        Texts texts, CancellationToken ct) =>
        HandleAsync(id, new TransitionInput("acknowledge"), transitions, reader, texts, ct);
}

using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Operations;

/// <summary>The problem+json answer of a use case's <see cref="Failure"/>, as the endpoints gave it before the use cases.</summary>
internal static class OperationsProblems
{
    public static ProblemHttpResult Of(Failure failure, Texts texts) => failure.Status switch
    {
        StatusCodes.Status400BadRequest => Problems.Validation(texts, failure.Errors),
        StatusCodes.Status404NotFound => Problems.Create(texts, StatusCodes.Status404NotFound, "not-found", failure.Detail),
        StatusCodes.Status409Conflict => Problems.Conflict(texts, failure.Detail!),
        _ => throw new InvalidOperationException($"No problem for status {failure.Status}."),
    };

    /// <summary>200 with the value, or the failure's problem.</summary>
    public static Results<Ok<T>, ProblemHttpResult> OkOr<T>(Outcome<T> outcome, Texts texts) =>
        outcome.Value is { } value ? TypedResults.Ok(value) : Of(outcome.Failure!, texts);
}

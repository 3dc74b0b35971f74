using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Requests;

/// <summary>The 403 and 409 answers of the request API: problem+json naming the rule and the field it concerns.</summary>
internal static class RequestProblems
{
    public static ProblemHttpResult Forbidden(Texts texts, FieldError refusal) =>
        Problems.Create(texts, StatusCodes.Status403Forbidden, "request-refused", refusal.Message,
            new Dictionary<string, object?> { ["rule"] = refusal.Rule, ["errors"] = new[] { refusal } });

    public static ProblemHttpResult Conflict(Texts texts, FieldError conflict) =>
        Problems.Create(texts, StatusCodes.Status409Conflict, "conflict", conflict.Message,
            new Dictionary<string, object?> { ["rule"] = conflict.Rule, ["errors"] = new[] { conflict } });

    /// <summary>The answer to an outcome that did not succeed: 404 for a request that is not there, else the rules it broke.</summary>
    public static ProblemHttpResult For<T>(Texts texts, RequestOutcome<T> outcome) => outcome.Status switch
    {
        StatusCodes.Status404NotFound => Problems.NotFound(texts, texts["request.noun"]),
        StatusCodes.Status403Forbidden => Forbidden(texts, outcome.Errors[0]),
        StatusCodes.Status409Conflict => Conflict(texts, outcome.Errors[0]),
        _ => Problems.Validation(texts, outcome.Errors),
    };
}

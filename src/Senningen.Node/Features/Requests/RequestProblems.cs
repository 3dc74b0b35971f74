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
}

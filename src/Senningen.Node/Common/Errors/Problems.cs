using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Common.Errors;

/// <summary>RFC 9457 answers in the caller's language, with a stable type per kind of problem.</summary>
public static class Problems
{
    public const string TypePrefix = "urn:senningen:problem:";

    public static ProblemHttpResult Validation(Texts texts, IReadOnlyList<FieldError> errors) =>
        Create(texts, StatusCodes.Status400BadRequest, "validation", texts["problem.validation.detail", errors.Count],
            new Dictionary<string, object?> { ["errors"] = errors });

    public static ProblemHttpResult Validation(Texts texts, FieldError error) => Validation(texts, [error]);

    public static ProblemHttpResult NotFound(Texts texts, string what) =>
        Create(texts, StatusCodes.Status404NotFound, "not-found", texts["problem.not-found.detail", what]);

    public static ProblemHttpResult Conflict(Texts texts, string detail) =>
        Create(texts, StatusCodes.Status409Conflict, "conflict", detail);

    public static ProblemHttpResult Create(Texts texts, int status, string kind, string? detail,
        IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: status,
            title: texts[$"problem.{kind}.title"],
            type: TypePrefix + kind,
            extensions: extensions);
}

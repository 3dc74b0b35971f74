using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Operations;

/// <summary>
/// Why a use case of operations gave nothing: the broken field rules (400), a missing operation or alert (404), or a
/// conflict with where it stands (409), with the message in the caller's language. The endpoint answers it as
/// problem+json (<see cref="OperationsProblems"/>); a console page shows <see cref="Messages"/>.
/// </summary>
internal sealed record Failure(int Status, IReadOnlyList<FieldError> Errors, string? Detail)
{
    public IReadOnlyList<string> Messages => Errors.Count > 0 ? [.. Errors.Select(e => e.Message)] : [Detail ?? ""];

    public static Failure Invalid(IReadOnlyList<FieldError> errors) => new(StatusCodes.Status400BadRequest, errors, null);

    public static Failure Invalid(FieldError error) => Invalid([error]);

    /// <param name="what">The noun of what is missing, e.g. <c>texts["ops.operation"]</c>.</param>
    public static Failure NotFound(Texts texts, string what) => new(StatusCodes.Status404NotFound, [], texts["problem.not-found.detail", what]);

    public static Failure Conflict(string detail) => new(StatusCodes.Status409Conflict, [], detail);
}

/// <summary>What a use case of operations gave: its value, or the <see cref="Failure"/> that stopped it (nothing was changed then).</summary>
internal readonly record struct Outcome<T>(T? Value, Failure? Failure)
{
    public bool Succeeded => Failure is null;

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Failure failure) => new(default, failure);
}

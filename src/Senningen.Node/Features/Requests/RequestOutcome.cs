using Senningen.Node.Common.Errors;

namespace Senningen.Node.Features.Requests;

/// <summary>
/// What a request use case gave: the value, or the status that stopped it (400, 403, 404, 409) with the rules it
/// broke. The API maps it to problem+json (<see cref="RequestProblems.For"/>); the console shows the messages.
/// </summary>
internal sealed record RequestOutcome<T>(T? Value, int Status, IReadOnlyList<FieldError> Errors)
{
    public static RequestOutcome<T> Ok(T value) => new(value, StatusCodes.Status200OK, []);

    public static RequestOutcome<T> Invalid(IReadOnlyList<FieldError> errors) => new(default, StatusCodes.Status400BadRequest, errors);

    public static RequestOutcome<T> NotFound() => new(default, StatusCodes.Status404NotFound, []);

    public static RequestOutcome<T> Refused(int status, FieldError error) => new(default, status, [error]);
}

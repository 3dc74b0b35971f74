using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Auth;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Observability;

namespace Senningen.Node.Features.Identity.IssueToken;

internal static class IssueTokenEndpoint
{
    public const int MaxUsername = 256;

    public static readonly SchemaLimit[] Limits = [SchemaLimit.Length<TokenRequest>("username", MaxUsername)];

    public static void MapTokenEndpoint(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/auth/token", HandleAsync)
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithTags("Identity")
            .WithSummary("Exchange a user name and password for a bearer token.");

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> HandleAsync(
        TokenRequest request, PasswordCheck check, SignInLimits limits, TokenIssuer issuer, Texts texts, HttpContext http,
        CancellationToken cancellationToken)
    {
        var validator = new RequestValidator(texts);
        validator.Required("username", request.Username);
        validator.Required("password", request.Password);
        validator.MaxLength("username", request.Username, MaxUsername);
        if (validator.HasErrors)
        {
            return validator.Problem();
        }

        if (limits.TryEnter(http.Connection.RemoteIpAddress, request.Username!) is { } wait)
        {
            http.Response.Headers.RetryAfter = SignInLimits.Seconds(wait);
            return Problems.Create(texts, StatusCodes.Status429TooManyRequests, "rate-limited", texts["problem.rate-limited.detail"]);
        }

        var outcome = await check.RunAsync(request.Username!, request.Password!, AuditActions.TokenIssued, cancellationToken);
        if (outcome.User is null)
        {
            var detail = outcome.LockedOut ? texts["problem.locked-out.detail"] : texts["problem.bad-credentials.detail"];
            return Problems.Create(texts, StatusCodes.Status401Unauthorized, outcome.LockedOut ? "locked-out" : "bad-credentials", detail);
        }

        return TypedResults.Ok(await issuer.IssueAsync(outcome.User));
    }
}

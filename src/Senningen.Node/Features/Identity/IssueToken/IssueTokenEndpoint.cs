using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Senningen.Contracts.Auth;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Security;

namespace Senningen.Node.Features.Identity.IssueToken;

internal static class IssueTokenEndpoint
{
    public const string RateLimitPolicy = "token";

    /// <summary>Password checks are limited per address, more strictly than the API's per-user limit.</summary>
    public static IServiceCollection AddTokenRateLimit(this IServiceCollection services, NodeSettings settings) =>
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(RateLimitPolicy, ctx =>
            RateLimitPartition.GetFixedWindowLimiter("ip:" + ctx.Connection.RemoteIpAddress,
                _ => RateLimitingSetup.PerMinute(settings.Api.TokenRequestsPerMinute))));

    public static void MapTokenEndpoint(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/auth/token", HandleAsync)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicy)
            .WithTags("Identity")
            .WithSummary("Exchange a user name and password for a bearer token.");

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> HandleAsync(
        TokenRequest request, PasswordCheck check, TokenIssuer issuer, Texts texts, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator(texts);
        validator.Required("username", request.Username);
        validator.Required("password", request.Password);
        validator.MaxLength("username", request.Username, 256);
        if (validator.HasErrors)
        {
            return validator.Problem();
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

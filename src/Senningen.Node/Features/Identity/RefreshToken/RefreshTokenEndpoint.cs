using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Senningen.Contracts.Auth;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Features.Identity.Data;

namespace Senningen.Node.Features.Identity.RefreshToken;

internal static class RefreshTokenEndpoint
{
    public const string RateLimitPolicy = "refresh";

    /// <summary>Renewals are limited per address like sign-ins (no password is tried, but each one unprotects a ticket).</summary>
    public static IServiceCollection AddRefreshRateLimit(this IServiceCollection services, NodeSettings settings) =>
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(RateLimitPolicy, ctx =>
            RateLimitPartition.GetFixedWindowLimiter("ip:" + ctx.Connection.RemoteIpAddress,
                _ => Common.Security.RateLimitingSetup.PerMinute(settings.Api.TokenRequestsPerMinute))));

    public static void MapRefreshTokenEndpoint(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/auth/refresh", HandleAsync)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithTags("Identity")
            .WithSummary("Exchange a refresh token for a new access and refresh token, while the user keeps their access.");

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> HandleAsync(RefreshRequest? request,
        IOptionsMonitor<BearerTokenOptions> bearer, SignInManager<SenningenUser> signIn, TokenIssuer issuer, AuditLog audit,
        NodeSettings settings, TimeProvider clock, Texts texts, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator(texts);
        validator.Required("refreshToken", request?.RefreshToken);
        validator.MaxLength("refreshToken", request?.RefreshToken, 16_384);
        if (validator.HasErrors)
        {
            return validator.Problem();
        }

        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request!.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || expires <= clock.GetUtcNow())
        {
            return Refused(texts);
        }

        // The stamp changes with every withdrawal (disable, role, authorisation, forced sign-out); a lock-out does not.
        var actor = Actor.From(ticket.Principal, settings);
        var user = await signIn.ValidateSecurityStampAsync(ticket.Principal);
        if (user is null || await signIn.UserManager.IsLockedOutAsync(user))
        {
            await audit.WriteAsync(new AuditRecord(AuditActions.TokenRefreshed, AuditOutcomes.Failed, Detail: "access withdrawn"), actor, cancellationToken);
            return Refused(texts);
        }

        await audit.WriteAsync(new AuditRecord(AuditActions.TokenRefreshed, AuditOutcomes.Success), actor, cancellationToken);
        return TypedResults.Ok(await issuer.IssueAsync(user));
    }

    private static ProblemHttpResult Refused(Texts texts) =>
        Problems.Create(texts, StatusCodes.Status401Unauthorized, "refresh-refused", texts["problem.refresh-refused.detail"]);
}

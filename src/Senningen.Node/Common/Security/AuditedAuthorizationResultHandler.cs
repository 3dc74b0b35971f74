using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Common.Security;

/// <summary>
/// Audits every request refused to a signed-in user (403) and answers API callers with problem+json;
/// the console's pages keep the cookie handler's redirects.
/// </summary>
internal sealed class AuditedAuthorizationResultHandler(Texts texts) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            var audit = context.RequestServices.GetRequiredService<AuditLog>();
            await audit.WriteAsync(new AuditRecord(AuditActions.AccessDenied, AuditOutcomes.Denied,
                Detail: $"{context.Request.Method} {context.Request.Path}"), cancellationToken: context.RequestAborted);
        }

        if (IsApi(context) && (authorizeResult.Challenged || authorizeResult.Forbidden))
        {
            var status = authorizeResult.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
            var kind = authorizeResult.Forbidden ? "forbidden" : "unauthorized";
            if (!authorizeResult.Forbidden)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
            }

            await Problems.Create(texts, status, kind, texts[$"problem.{kind}.detail"]).ExecuteAsync(context);
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    public static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.StartsWithSegments("/exchange/v1", StringComparison.OrdinalIgnoreCase);
}

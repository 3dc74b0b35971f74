using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Observability;
using Senningen.Node.Common.Security;
using Senningen.Node.Common.Officers;

namespace Senningen.Node.Common.Hosting;

/// <summary>The request pipeline, in its order: the proxy's forwarded partner certificate and caller, security headers, correlation, the inbox's refused bodies, errors, body limit, who, language, rate limit, may they, antiforgery.</summary>
internal static class MiddlewareModule
{
    public static WebApplication UseNodeMiddleware(this WebApplication app)
    {
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/exchange", StringComparison.Ordinal),
            inbox => inbox.UseMiddleware<Exchange.ForwardedClientCertificate>());
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseWhen(c => c.Request.Path.StartsWithSegments(Exchange.InboxBodyRefusals.Path, StringComparison.Ordinal),
            inbox => inbox.UseMiddleware<Exchange.InboxBodyRefusals>());
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<BodySizeLimitMiddleware>();
        app.UseAuthentication();
        app.UseCurrentOfficer();
        app.UseSenningenLanguages(app.Services.GetRequiredService<NodeSettings>());
        app.UseRateLimiter();
        app.UseRateLimitHeaders();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }
}

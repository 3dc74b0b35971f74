using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Senningen.Node.Common.Observability;

/// <summary>Liveness (the process answers) and readiness (the checks tagged ready, such as the database).</summary>
internal static class HealthModule
{
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }
}

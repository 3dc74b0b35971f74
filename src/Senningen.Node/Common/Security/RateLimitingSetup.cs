using System.Threading.RateLimiting;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Common.Security;

/// <summary>Per-user limits on the API; capabilities add their own named policies (Identity: per address on password checks).</summary>
internal static class RateLimitingSetup
{
    public static IServiceCollection AddApiRateLimits(this IServiceCollection services, NodeSettings settings)
    {
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
            {
                if (!ctx.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    return RateLimitPartition.GetNoLimiter("console");
                }

                var key = ctx.User.Identity?.IsAuthenticated == true ? "user:" + ctx.User.Identity.Name : "ip:" + ctx.Connection.RemoteIpAddress;
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => PerMinute(settings.Api.RequestsPerMinute));
            });
            o.OnRejected = async (context, ct) =>
            {
                var texts = context.HttpContext.RequestServices.GetRequiredService<Texts>();
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await Problems.Create(texts, StatusCodes.Status429TooManyRequests, "rate-limited", texts["problem.rate-limited.detail"])
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    /// <summary>A fixed one-minute window of <paramref name="permits"/>, no queue: for capabilities' own policies too.</summary>
    public static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true };
}

using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Common.Security;

/// <summary>
/// Per-user limits on the API; capabilities add their own named policies (Identity: per address on password checks).
/// Every /api answer says the caller's limit (IETF draft RateLimit-Policy and RateLimit: quota, window, what remains),
/// so a client slows down before it is refused; a refusal carries Retry-After.
/// </summary>
internal static class RateLimitingSetup
{
    public const string PolicyName = "api";
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services, NodeSettings settings)
    {
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
            {
                if (!IsApi(ctx))
                {
                    return RateLimitPartition.GetNoLimiter("console");
                }

                var key = ctx.User.Identity?.IsAuthenticated == true ? "user:" + ctx.User.Identity.Name : "ip:" + ctx.Connection.RemoteIpAddress;
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => PerMinute(settings.Api.RequestsPerMinute));
            });
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var texts = http.RequestServices.GetRequiredService<Texts>();
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
                    ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : (int)Window.TotalSeconds;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                SetHeaders(http.Response.Headers, settings.Api.RequestsPerMinute, 0, seconds);
                await Problems.Create(texts, StatusCodes.Status429TooManyRequests, "rate-limited", texts["problem.rate-limited.detail"])
                    .ExecuteAsync(http);
            };
        });
        return services;
    }

    /// <summary>After the limiter: the caller's quota and what remains of it, on every /api answer it let through.</summary>
    public static IApplicationBuilder UseRateLimitHeaders(this IApplicationBuilder app)
    {
        var limiter = app.ApplicationServices.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter;
        var quota = app.ApplicationServices.GetRequiredService<NodeSettings>().Api.RequestsPerMinute;
        return app.Use((http, next) =>
        {
            if (limiter is not null && IsApi(http))
            {
                http.Response.OnStarting(() =>
                {
                    if (!http.Response.Headers.ContainsKey("RateLimit"))
                    {
                        SetHeaders(http.Response.Headers, quota, limiter.GetStatistics(http)?.CurrentAvailablePermits ?? quota, reset: null);
                    }

                    return Task.CompletedTask;
                });
            }

            return next(http);
        });
    }

    /// <summary>A fixed one-minute window of <paramref name="permits"/>, no queue: for capabilities' own policies too.</summary>
    public static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = permits, Window = Window, QueueLimit = 0, AutoReplenishment = true };

    // draft-ietf-httpapi-ratelimit-headers: the policy (q quota, w window in seconds) and the state (r remaining, t seconds to reset).
    private static void SetHeaders(IHeaderDictionary headers, int quota, long remaining, int? reset)
    {
        headers["RateLimit-Policy"] = string.Create(CultureInfo.InvariantCulture, $"\"{PolicyName}\";q={quota};w={(int)Window.TotalSeconds}");
        headers["RateLimit"] = reset is { } t
            ? string.Create(CultureInfo.InvariantCulture, $"\"{PolicyName}\";r={remaining};t={t}")
            : string.Create(CultureInfo.InvariantCulture, $"\"{PolicyName}\";r={remaining}");
    }

    private static bool IsApi(HttpContext ctx) => ctx.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}

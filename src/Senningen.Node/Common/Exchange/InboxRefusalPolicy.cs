using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Common.Exchange;

/// <summary>
/// The inbox's rate limit, partitioned by caller address: it lets a request through while the address is within its
/// allowance of unattributable refusals (<see cref="InboxRefusals"/>), and answers 429 with Retry-After otherwise,
/// before the body is read or any signature checked. A partner whose envelopes are accepted never spends the allowance.
/// </summary>
internal sealed class InboxRefusalPolicy(InboxRefusals refusals, ExchangeMetrics metrics) : IRateLimiterPolicy<string>
{
    public const string Name = "exchange-inbox";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, _) =>
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? (int)Math.Ceiling(after.TotalSeconds) : 60;
        metrics.Throttled();
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var texts = http.RequestServices.GetRequiredService<Texts>();
        await Problems.Create(texts, StatusCodes.Status429TooManyRequests, "rate-limited", texts["problem.rate-limited.detail"],
                new Dictionary<string, object?> { ["errors"] = new[] { new FieldError("body", "refusal-rate", texts["rule.refusal-rate", seconds]) } })
            .ExecuteAsync(http);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.Get(Caller(httpContext) ?? "?", address => new AllowanceLimiter(refusals, address));

    /// <summary>The caller's address as this node believes it (after a trusted proxy's forwarded header).</summary>
    public static string? Caller(HttpContext httpContext) => httpContext.Connection.RemoteIpAddress?.ToString();

    /// <summary>Takes nothing from the allowance itself: refusals spend it, in <see cref="InboxRefusals.Note"/>.</summary>
    private sealed class AllowanceLimiter(InboxRefusals refusals, string address) : RateLimiter
    {
        // The state is in InboxRefusals: an address within its allowance may have its limiter dropped at once.
        public override TimeSpan? IdleDuration => refusals.RetryAfter(address) is null ? TimeSpan.FromMinutes(1) : null;

        public override RateLimiterStatistics? GetStatistics() => null;

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => new Lease(refusals.RetryAfter(address));

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            ValueTask.FromResult(AttemptAcquireCore(permitCount));
    }

    private sealed class Lease(TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => retryAfter is null;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}

using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Security;

namespace Senningen.Node.Features.Identity;

/// <summary>
/// How often a password may be tried, for the token endpoint and the console's sign-in form alike: per caller address
/// (the real client behind a trusted proxy) and per user name, so that neither one address nor many addresses guessing at
/// one account get far. Checked in the handlers because the user name is only known once the body is read.
/// </summary>
internal sealed class SignInLimits(NodeSettings settings) : IDisposable
{
    // Bounds the partition key: a name longer than any user name is only ever a guess.
    private const int MaxNameKey = 256;

    private readonly PartitionedRateLimiter<string> _byAddress = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => RateLimitingSetup.PerMinute(settings.Api.TokenRequestsPerMinute)));

    private readonly PartitionedRateLimiter<string> _byName = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => RateLimitingSetup.PerMinute(settings.Api.SignInsPerUserNamePerMinute)));

    /// <summary>Null when the attempt may go ahead; otherwise how long the caller should wait.</summary>
    public TimeSpan? TryEnter(IPAddress? address, string username)
    {
        using (var byAddress = _byAddress.AttemptAcquire(address?.ToString() ?? "unknown"))
        {
            if (!byAddress.IsAcquired)
            {
                return RetryAfter(byAddress);
            }
        }

        var name = username.Trim().ToUpperInvariant();
        using var byName = _byName.AttemptAcquire(name.Length <= MaxNameKey ? name : name[..MaxNameKey]);
        return byName.IsAcquired ? null : RetryAfter(byName);
    }

    /// <summary>The Retry-After header value: whole seconds, at least one.</summary>
    public static string Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _byAddress.Dispose();
        _byName.Dispose();
    }

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
}

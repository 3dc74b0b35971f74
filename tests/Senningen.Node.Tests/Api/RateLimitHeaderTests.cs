using System.Net;
using System.Text.RegularExpressions;

namespace Senningen.Node.Tests.Api;

/// <summary>
/// A client learns its limit before it hits it: every /api answer carries RateLimit-Policy (quota and window) and
/// RateLimit (what remains); the refusal carries Retry-After and the seconds until the window resets.
/// </summary>
public sealed partial class RateLimitHeaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApiAnswers_CountDownTheRemainingQuota_AndTheRefusalSaysWhenToComeBack()
    {
        await using var node = await TestNode.StartAsync(settings: new Dictionary<string, string?> { ["Senningen:Api:RequestsPerMinute"] = "3" });
        using var officer = await node.SignedInAsync("officer");
        var remaining = new List<int>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 6 && refused is null; i++)
        {
            var response = await officer.GetAsync("api/v1/me", Ct);
            response.Headers.GetValues("RateLimit-Policy").Single().ShouldBe("\"api\";q=3;w=60");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
                break;
            }

            remaining.Add(int.Parse(Remaining().Match(response.Headers.GetValues("RateLimit").Single()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            response.Dispose();
        }

        remaining.ShouldBe([2, 1, 0]);
        refused.ShouldNotBeNull();
        var retryAfter = refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        retryAfter.ShouldBeInRange(1, 60);
        refused.Headers.GetValues("RateLimit").Single().ShouldBe(FormattableString.Invariant($"\"api\";r=0;t={retryAfter}"));
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        refused.Dispose();
    }

    [Fact]
    public async Task ConsoleAnswers_CarryNoRateLimitHeaders()
    {
        await using var node = await TestNode.StartAsync();
        using var client = node.Anonymous();

        using var response = await client.GetAsync("health/live", Ct);

        response.Headers.Contains("RateLimit").ShouldBeFalse();
    }

    [GeneratedRegex(";r=(\\d+)")]
    private static partial Regex Remaining();
}

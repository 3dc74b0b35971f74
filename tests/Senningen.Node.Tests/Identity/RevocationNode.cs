using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Senningen.Contracts.Auth;

namespace Senningen.Node.Tests.Identity;

/// <summary>A test node with a one-second revalidation window, and the ways a test waits for a credential to die.</summary>
internal static class RevocationNode
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    // The poll interval, the cookie's own age check and a loaded CI machine; the window is what is asserted, plus this.
    public static readonly TimeSpan Slack = TimeSpan.FromSeconds(2);

    public static Task<TestNode> StartAsync(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Senningen:Auth:RevalidateEvery"] = "00:00:01",
            // Lock-outs and refreshes go through the token endpoint's limit; the tests are not about it.
            ["Senningen:Api:TokenRequestsPerMinute"] = "1000",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return TestNode.StartAsync(settings: settings);
    }

    public static async Task<TokenResponse> TokenAsync(TestNode node, string username)
    {
        using var client = node.Anonymous();
        var response = await client.PostAsJsonAsync("api/v1/auth/token", new TokenRequest(username, "demo"), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenResponse>(TestContext.Current.CancellationToken))!;
    }

    public static HttpClient Bearer(TestNode node, string accessToken)
    {
        var client = node.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>Calls <paramref name="request"/> until it answers 401 (problem+json) and returns how long that took.</summary>
    public static async Task<TimeSpan> TimeUntilRefusedAsync(Func<Task<HttpResponseMessage>> request, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            using var response = await request();
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
                return watch.Elapsed;
            }

            response.StatusCode.ShouldBe(HttpStatusCode.OK, "before it is refused, the credential still works");
            watch.Elapsed.ShouldBeLessThan(limit, "the credential was not refused in time");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}

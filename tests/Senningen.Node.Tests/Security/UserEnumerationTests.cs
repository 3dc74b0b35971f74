using System.Diagnostics;
using System.Net.Http.Json;
using Senningen.Contracts.Auth;
using Senningen.Node.Tests.Console;

namespace Senningen.Node.Tests.Security;

/// <summary>An unknown user name and a wrong password answer alike, in what is said and in how long it takes.</summary>
public sealed class UserEnumerationTests
{
    private const int Tries = 20;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // No lock-out and no rate limit in the way of forty attempts: only the password check itself is measured.
    private static readonly Dictionary<string, string?> Unhindered = new()
    {
        ["Senningen:Auth:MaxFailedLogins"] = "100",
        ["Senningen:Api:TokenRequestsPerMinute"] = "1000",
        ["Senningen:Api:SignInsPerUserNamePerMinute"] = "1000",
    };

    [Fact]
    public async Task UnknownUserAndWrongPassword_GetTheSameAnswer_FromTheTokenEndpointAndTheForm()
    {
        await using var node = await TestNode.StartAsync(settings: Unhindered);
        using var client = node.Anonymous();

        using var unknown = await client.PostAsJsonAsync("api/v1/auth/token", new TokenRequest("mallory", "guess-1"), Ct);
        using var wrong = await client.PostAsJsonAsync("api/v1/auth/token", new TokenRequest("officer", "guess-1"), Ct);
        var unknownForm = await FormAsync(node, "mallory");
        var wrongForm = await FormAsync(node, "officer");

        unknown.StatusCode.ShouldBe(wrong.StatusCode);
        var (u, w) = (await unknown.Content.ReadFromJsonAsync<ProblemBody>(Ct), await wrong.Content.ReadFromJsonAsync<ProblemBody>(Ct));
        u.ShouldBe(w);
        unknown.Content.Headers.ContentType!.ToString().ShouldBe(wrong.Content.Headers.ContentType!.ToString());
        unknownForm.ShouldBe(wrongForm);
    }

    [Fact]
    public async Task UnknownUser_TakesAsLongAsAWrongPassword()
    {
        await using var node = await TestNode.StartAsync(settings: Unhindered);
        using var client = node.Anonymous();
        await TimeAsync(client, "mallory");
        await TimeAsync(client, "officer");
        var unknown = new List<double>();
        var wrong = new List<double>();

        // Interleaved, so that a slow spell of a shared machine falls on both.
        for (var i = 0; i < Tries; i++)
        {
            unknown.Add(await TimeAsync(client, $"mallory{i}"));
            wrong.Add(await TimeAsync(client, "officer"));
        }

        // Without the hash an unknown user answers in a few milliseconds against tens for the hash: a tenth or less.
        var (u, w) = (Median(unknown), Median(wrong));
        TestContext.Current.TestOutputHelper?.WriteLine($"median over {Tries}: unknown user {u:F1} ms, wrong password {w:F1} ms");
        u.ShouldBeGreaterThanOrEqualTo(0.5 * w, $"unknown user median {u:F1} ms, wrong password median {w:F1} ms");
    }

    private static async Task<double> TimeAsync(HttpClient client, string username)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsJsonAsync("api/v1/auth/token", new TokenRequest(username, "not-the-password"), Ct);
        watch.Stop();
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }

    private static async Task<string> FormAsync(TestNode node, string username)
    {
        using var session = ConsoleSession.Anonymous(node);
        using var response = await session.PostFormAsync("/login", "/account/login",
            new() { ["username"] = username, ["password"] = "guess-1", ["returnUrl"] = "/operations" });
        return $"{(int)response.StatusCode} {response.Headers.Location}";
    }
}

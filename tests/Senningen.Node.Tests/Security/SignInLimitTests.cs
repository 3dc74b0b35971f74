using System.Net;
using System.Net.Http.Json;
using Senningen.Contracts.Auth;
using Senningen.Node.Tests.Console;

namespace Senningen.Node.Tests.Security;

/// <summary>
/// The console's sign-in form is limited like the token endpoint, and both per caller address (the client behind a trusted
/// proxy, not the proxy) and per user name (a guesser spread over many addresses is slowed at the account).
/// </summary>
public sealed class SignInLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Limits(int perAddress, int perName, string knownProxies = "127.0.0.1") => new()
    {
        ["Senningen:Api:TokenRequestsPerMinute"] = perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Senningen:Api:SignInsPerUserNamePerMinute"] = perName.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Senningen:Proxy:KnownProxies"] = knownProxies,
    };

    [Fact]
    public async Task SignInForm_BehindAConfiguredProxy_CountsEachForwardedClientApart()
    {
        await using var node = await TestNode.StartAsync(settings: Limits(perAddress: 2, perName: 100));

        var first = await FormSignInAsync(node, "198.51.100.7", "officer", "wrong");
        await FormSignInAsync(node, "198.51.100.7", "controlroom", "wrong");
        var third = await FormSignInAsync(node, "198.51.100.7", "liaison", "wrong");
        var other = await FormSignInAsync(node, "198.51.100.8", "dpo", "wrong");

        first.ShouldStartWith("/login?error=invalid");
        third.ShouldStartWith("/login?error=rate-limited");
        other.ShouldStartWith("/login?error=invalid");
    }

    [Fact]
    public async Task SignInForm_ForwardedByAnUnconfiguredAddress_CountsTheConnectionNotTheHeader()
    {
        await using var node = await TestNode.StartAsync(settings: Limits(perAddress: 2, perName: 100, knownProxies: "192.0.2.10"));

        await FormSignInAsync(node, "198.51.100.7", "officer", "wrong");
        await FormSignInAsync(node, "198.51.100.8", "controlroom", "wrong");
        var third = await FormSignInAsync(node, "198.51.100.9", "liaison", "wrong");

        third.ShouldStartWith("/login?error=rate-limited");
    }

    [Fact]
    public async Task SignInForm_OneUserNameFromManyAddresses_IsLimitedAtTheName_AndShowsWhy()
    {
        await using var node = await TestNode.StartAsync(settings: Limits(perAddress: 100, perName: 2));

        await FormSignInAsync(node, "198.51.100.1", "officer", "wrong");
        await FormSignInAsync(node, "198.51.100.2", " OFFICER ", "wrong");
        var third = await FormSignInAsync(node, "198.51.100.3", "officer", "demo");
        var otherName = await FormSignInAsync(node, "198.51.100.3", "liaison", "demo");

        third.ShouldStartWith("/login?error=rate-limited");
        otherName.ShouldBe("/");
        using var session = ConsoleSession.Anonymous(node);
        (await session.GetPageAsync(third)).ShouldContain("Too many sign-in attempts. Wait a minute and try again.");
    }

    [Fact]
    public async Task TokenEndpoint_OneUserNameFromManyAddresses_Answers429WithRetryAfter()
    {
        await using var node = await TestNode.StartAsync(settings: Limits(perAddress: 100, perName: 2));
        using var client = node.Anonymous();

        await TokenAsync(client, "198.51.100.1", "officer", "wrong");
        await TokenAsync(client, "198.51.100.2", "officer", "wrong");
        using var third = await TokenAsync(client, "198.51.100.3", "officer", "demo");
        using var otherName = await TokenAsync(client, "198.51.100.3", "liaison", "demo");

        third.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        third.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await third.Content.ReadFromJsonAsync<ProblemBody>(Ct))!.Type.ShouldBe("urn:senningen:problem:rate-limited");
        int.Parse(third.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);
        otherName.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<string> FormSignInAsync(TestNode node, string forwardedFor, string username, string password)
    {
        using var session = ConsoleSession.Anonymous(node);
        session.ForwardedFor(forwardedFor);
        using var response = await session.PostFormAsync("/login", "/account/login",
            new() { ["username"] = username, ["password"] = password, ["returnUrl"] = "/" });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return response.Headers.Location!.OriginalString;
    }

    private static async Task<HttpResponseMessage> TokenAsync(HttpClient client, string forwardedFor, string username, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/auth/token") { Content = JsonContent.Create(new TokenRequest(username, password)) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request, Ct);
    }
}

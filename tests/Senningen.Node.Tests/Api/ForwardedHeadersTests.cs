using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Senningen.Contracts.Auth;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Tests.Api;

/// <summary>
/// Behind nginx the node sees the caller named in X-Forwarded-For, but only when the proxy is one it trusts
/// (loopback by default, <c>Senningen:Proxy:KnownProxies</c> otherwise): the per-address sign-in limit then counts
/// callers, not the proxy, and nobody else can pick the address they are counted under.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> TwoSignInsPerMinute(string? knownProxies = null) => new()
    {
        ["Senningen:Api:TokenRequestsPerMinute"] = "2",
        ["Senningen:Proxy:KnownProxies"] = knownProxies,
    };

    [Fact]
    public async Task SignInLimit_FromTheLoopbackProxy_CountsEachForwardedCallerApart()
    {
        await using var node = await TestNode.StartAsync(settings: TwoSignInsPerMinute());
        using var client = node.Anonymous();

        var first = await SignInAsync(client, "198.51.100.7");
        await SignInAsync(client, "198.51.100.7");
        var third = await SignInAsync(client, "198.51.100.7");
        var other = await SignInAsync(client, "198.51.100.8");

        first.ShouldBe(HttpStatusCode.OK);
        third.ShouldBe(HttpStatusCode.TooManyRequests);
        other.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignInLimit_ForwardedByAnUntrustedAddress_CountsTheConnectionNotTheHeader()
    {
        await using var node = await TestNode.StartAsync(settings: TwoSignInsPerMinute("192.0.2.10"));
        using var client = node.Anonymous();

        await SignInAsync(client, "198.51.100.7");
        await SignInAsync(client, "198.51.100.8");
        var third = await SignInAsync(client, "198.51.100.9");

        third.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Cookies_BehindATlsFront_AreSecure_AndNotOverPlainHttp()
    {
        await using var node = await TestNode.StartAsync();
        using var client = node.Anonymous();
        using var overTls = new HttpRequestMessage(HttpMethod.Get, "login");
        overTls.Headers.Add("X-Forwarded-Proto", "https");

        var behindTls = await client.SendAsync(overTls, Ct);
        var plain = await client.GetAsync("login", Ct);

        behindTls.Headers.GetValues("Set-Cookie").ShouldAllBe(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        plain.Headers.GetValues("Set-Cookie").ShouldAllBe(c => !c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("Senningen:Proxy:KnownProxies", "10.0.0.5,nginx-1", "Senningen:Proxy:KnownProxies = 'nginx-1' is not valid")]
    [InlineData("Senningen:Proxy:KnownNetworks", "10.0.0.0/33", "Senningen:Proxy:KnownNetworks = '10.0.0.0/33' is not valid")]
    public void Start_BadProxySetting_StopsTheNodeNamingTheKey(string key, string value, string expected)
    {
        var values = new Dictionary<string, string?>
        {
            ["Senningen:Node:Country"] = "BE",
            ["Senningen:Node:PublicUrl"] = "https://senningen.example.be/",
            ["Senningen:Node:DataDirectory"] = Path.Combine(Path.GetTempPath(), "senningen-proxy-test"),
            [key] = value,
        };

        var problem = Should.Throw<ConfigurationProblemException>(() => NodeApp.Build([], c => c.AddInMemoryCollection(values)));

        problem.Problems.ShouldHaveSingleItem().ShouldStartWith(expected);
    }

    private static async Task<HttpStatusCode> SignInAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/auth/token") { Content = JsonContent.Create(new TokenRequest("officer", "demo")) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await client.SendAsync(request, Ct)).StatusCode;
    }
}

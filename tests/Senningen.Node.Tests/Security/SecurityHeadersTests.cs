using Senningen.Node.Common.Security;

namespace Senningen.Node.Tests.Security;

/// <summary>
/// Every answer of the node, whatever its route or status, carries the security headers; scripts run only from the node
/// (no inline, no eval) except on the Scalar API reference; HSTS only over TLS outside demo.
/// </summary>
public sealed class SecurityHeadersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryRoute_AndAnUnknownOne_AnswersWithTheSecurityHeaders()
    {
        await using var node = await TestNode.StartAsync();
        var endpoints = await EndpointInventory.ReadAsync(node.Services);
        endpoints.Count.ShouldBeGreaterThan(10);
        using var client = node.Anonymous();
        var missing = new List<string>();
        foreach (var (method, path) in endpoints.Select(e => (e.Method, e.Path)).Append(("GET", "/no/such/page")).Append(("GET", "/css/app.css")))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/'));
            using var response = await client.SendAsync(request, Ct);
            var csp = Header(response, "Content-Security-Policy");
            if (csp is null || !csp.Contains("default-src 'self'", StringComparison.Ordinal) || !csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal)
                || (csp.Contains("unsafe-", StringComparison.Ordinal) && csp.Contains("script-src 'self' 'unsafe", StringComparison.Ordinal)
                    && !path.StartsWith("/api-reference", StringComparison.Ordinal))
                || Header(response, "X-Content-Type-Options") != "nosniff" || Header(response, "X-Frame-Options") != "DENY"
                || Header(response, "Referrer-Policy") != "no-referrer" || Header(response, "Strict-Transport-Security") is not null)
            {
                missing.Add($"{method} {path} -> {(int)response.StatusCode}");
            }
        }

        missing.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(false, "https", true)]
    [InlineData(false, null, false)]
    [InlineData(true, "https", false)]
    public async Task Hsts_IsSentOnlyOverTls_AndNeverInDemoMode(bool demo, string? forwardedProto, bool expected)
    {
        await using var node = await TestNode.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Senningen:Node:Demo"] = demo ? "true" : "false",
            ["Senningen:Proxy:KnownProxies"] = "127.0.0.1",
        });
        using var client = node.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "login");
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }

        using var response = await client.SendAsync(request, Ct);

        Header(response, "Strict-Transport-Security").ShouldBe(expected ? SecurityHeaders.HstsValue : null);
    }

    [Fact]
    public async Task Hsts_ClaimedByAnUntrustedAddress_IsNotSent()
    {
        await using var node = await TestNode.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Senningen:Node:Demo"] = "false",
            ["Senningen:Proxy:KnownProxies"] = "192.0.2.10",
        });
        using var client = node.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "login");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request, Ct);

        Header(response, "Strict-Transport-Security").ShouldBeNull();
    }

    [Theory]
    [InlineData("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org")]
    [InlineData("https://tiles.example.be:8443/wmts/{TileMatrix}/{TileCol}/{TileRow}.png", "https://tiles.example.be:8443")]
    [InlineData("https://tiles{s}.example.lu/{z}/{x}/{y}.png", "https:")]
    public void TileSource_IsTheTemplatesHost(string template, string expected) =>
        SecurityHeaders.TileSource(template).ShouldBe(expected);

    [Fact]
    public async Task ContentSecurityPolicy_WithATileService_AllowsItsImagesOnly()
    {
        await using var node = await TestNode.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Senningen:Map:TileUrl"] = "https://{s}.tile.example.org/{z}/{x}/{y}.png",
            ["Senningen:Map:TileAttribution"] = "Example tiles",
        });
        using var client = node.Anonymous();

        using var response = await client.GetAsync("login", Ct);

        Header(response, "Content-Security-Policy").ShouldNotBeNull().ShouldContain("img-src 'self' data: https://*.tile.example.org;");
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}

using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Node.Common.Conventions;
using Senningen.Node.Common.Observability;

namespace Senningen.Node.Tests.Api;

/// <summary>
/// An endpoint marked <c>.Deprecated(since, sunset, link)</c> says so on every answer (Deprecation, RFC 9745; Sunset,
/// RFC 8594; Link rel="deprecation") and in the OpenAPI document (<c>deprecated: true</c>), on a small app of its own:
/// no endpoint of the node is deprecated yet.
/// </summary>
public sealed class DeprecationTests
{
    private static readonly DateTimeOffset Since = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Sunset = new(2027, 6, 30, 0, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeprecatedEndpoint_AnswersWithDeprecationSunsetAndLink_AndIsDeprecatedInTheDocument()
    {
        await using var app = await StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First() + "/") };

        using var old = await client.GetAsync("api/v1/old", Ct);
        using var current = await client.GetAsync("api/v1/new", Ct);
        using var document = JsonDocument.Parse(await client.GetStringAsync("openapi/v1.json", Ct));

        old.StatusCode.ShouldBe(HttpStatusCode.OK);
        old.Headers.GetValues("Deprecation").Single().ShouldBe("@" + Since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        old.Headers.GetValues("Sunset").Single().ShouldBe("Wed, 30 Jun 2027 00:00:00 GMT");
        old.Headers.GetValues("Link").Single().ShouldBe("<https://example.test/migrate>; rel=\"deprecation\"; type=\"text/html\"");
        current.Headers.Contains("Deprecation").ShouldBeFalse();
        var paths = document.RootElement.GetProperty("paths");
        paths.GetProperty("/api/v1/old").GetProperty("get").GetProperty("deprecated").GetBoolean().ShouldBeTrue();
        paths.GetProperty("/api/v1/new").GetProperty("get").TryGetProperty("deprecated", out _).ShouldBeFalse();
    }

    [Fact]
    public void Deprecated_ASunsetNotAfterTheDeprecation_IsRefusedWhenTheEndpointIsMapped()
    {
        var builder = WebApplication.CreateSlimBuilder();
        var app = builder.Build();

        Should.Throw<ArgumentOutOfRangeException>(() => app.MapGet("/x", () => "x").Deprecated(Sunset, Since, "https://example.test/migrate"));
    }

    private static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // The node's own document setup, with all its transformers, not a copy of it.
        builder.Services.AddOpenApiDocument();
        var app = builder.Build();
        app.MapGet("/api/v1/old", () => TypedResults.Ok("old")).Deprecated(Since, Sunset, "https://example.test/migrate");
        app.MapGet("/api/v1/new", () => TypedResults.Ok("new"));
        app.MapOpenApi();
        await app.StartAsync(Ct);
        return app;
    }
}

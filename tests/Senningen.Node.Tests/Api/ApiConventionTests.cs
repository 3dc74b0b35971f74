using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Senningen.Node.Tests.Api;

public sealed class ApiConventionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_LiveAndReady_AnswerWithoutCredentials()
    {
        await using var node = await TestNode.StartAsync();
        using var client = node.Anonymous();

        (await client.GetAsync("health/live", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ready = await client.GetAsync("health/ready", Ct);

        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync(Ct)).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Health_Ready_ReportsUnhealthyWhenTheDatabaseIsGone()
    {
        await using var node = await TestNode.StartAsync(Store.Postgres);
        using var client = node.Anonymous();
        await node.Database.DropAsync();
        var ready = await client.GetAsync("health/ready", Ct);

        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task OpenApi_DescribesTheApiAndItsBearerScheme()
    {
        await using var node = await TestNode.StartAsync();
        using var client = node.Anonymous();

        using var document = JsonDocument.Parse(await client.GetStringAsync("openapi/v1.json", Ct));

        var paths = document.RootElement.GetProperty("paths");
        paths.TryGetProperty("/api/v1/auth/token", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/audit/verify", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/treaty/decide", out _).ShouldBeTrue();
        document.RootElement.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("bearer", out _).ShouldBeTrue();
        (await client.GetAsync("api-reference", Ct)).StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.MovedPermanently, HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task CorrelationId_FromTheCaller_IsEchoed_AndAGeneratedOneOtherwise()
    {
        await using var node = await TestNode.StartAsync();
        using var client = node.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "health/live");
        request.Headers.Add("X-Correlation-Id", "case-4711");

        var echoed = await client.SendAsync(request, Ct);
        var generated = await client.GetAsync("health/live", Ct);

        echoed.Headers.GetValues("X-Correlation-Id").ShouldBe(["case-4711"]);
        generated.Headers.GetValues("X-Correlation-Id").Single().Length.ShouldBeGreaterThan(8);
    }

    [Fact]
    public async Task RateLimit_PerUser_Answers429Problem()
    {
        await using var node = await TestNode.StartAsync(settings: new Dictionary<string, string?> { ["Senningen:Api:RequestsPerMinute"] = "5" });
        using var officer = await node.SignedInAsync("officer");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((await officer.GetAsync("api/v1/me", Ct)).StatusCode);
        }

        var limited = await officer.GetAsync("api/v1/me", Ct);

        statuses.Take(4).ShouldAllBe(s => s == HttpStatusCode.OK);
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var other = await node.SignedInAsync("controlroom");
        (await other.GetAsync("api/v1/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task UnknownApiRoute_IsA404Problem()
    {
        await using var node = await TestNode.StartAsync();
        using var officer = await node.SignedInAsync("officer");

        var response = await officer.GetAsync("api/v1/nothing-here", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Language_PutForTheUser_IsRememberedInTheNextToken()
    {
        await using var node = await TestNode.StartAsync();
        using var officer = await node.SignedInAsync("officer");

        (await officer.PutAsJsonAsync("api/v1/me/language", new { language = "de" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var again = await node.SignedInAsync("officer");
        var me = await again.GetFromJsonAsync<Contracts.Auth.CurrentUser>("api/v1/me", Ct);

        me!.Language.ShouldBe("de");
    }
}

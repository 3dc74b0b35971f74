using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Contracts.Users;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Identity.Data;

namespace Senningen.Node.Tests.Api;

/// <summary>Bad input gets a problem that names the field and the rule, and writes nothing.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private TestNode _node = null!;

    public async ValueTask InitializeAsync() => _node = await TestNode.StartAsync();

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("{\"username\":\"x\",", "body", "json-syntax")]
    [InlineData("{\"username\": 12, \"password\": \"p\"}", "username", "json-type")]
    [InlineData("not json at all", "body", "json-syntax")]
    [InlineData("{\"username\":\"\",\"password\":\"\"}", "username", "required")]
    public async Task IssueToken_BadBody_Returns400NamingTheField(string body, string field, string rule)
    {
        using var client = _node.Anonymous();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await client.PostAsync("api/v1/auth/token", content, Ct);

        var problem = await ExpectProblemAsync(response, HttpStatusCode.BadRequest);
        problem.Errors!.ShouldContain(e => e.Field == field && e.Rule == rule);
    }

    [Fact]
    public async Task CreateUser_MalformedJson_WritesNothing()
    {
        using var admin = await _node.SignedInAsync("admin");
        var before = await CountAsync();
        using var content = new StringContent("{\"username\":\"newbie\",\"roles\":[", Encoding.UTF8, "application/json");

        var response = await admin.PostAsync("api/v1/admin/users", content, Ct);

        await ExpectProblemAsync(response, HttpStatusCode.BadRequest);
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task CreateUser_OversizedBody_Returns413Problem_AndWritesNothing()
    {
        using var admin = await _node.SignedInAsync("admin");
        var before = await CountAsync();
        var huge = new string('a', 2 * 1024 * 1024);
        using var content = new StringContent($"{{\"username\":\"{huge}\"}}", Encoding.UTF8, "application/json");

        var response = await admin.PostAsync("api/v1/admin/users", content, Ct);

        var problem = await ExpectProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        problem.Errors!.ShouldContain(e => e.Field == "body" && e.Rule == "max-size");
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task CreateUser_UnknownRoleAndMissingFields_NamesEveryField()
    {
        using var admin = await _node.SignedInAsync("admin");
        var before = await CountAsync();

        var response = await admin.PostAsJsonAsync("api/v1/admin/users",
            new CreateUserRequest("newbie", "Long-enough-1", null, "", ["Officer", "Sheriff"], "xx"), Ct);

        var problem = await ExpectProblemAsync(response, HttpStatusCode.BadRequest);
        problem.Errors!.Select(e => (e.Field, e.Rule)).ShouldBe(
            [("displayName", "required"), ("unit", "required"), ("roles[1]", "one-of"), ("language", "one-of")], ignoreOrder: true);
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task CreateUser_ZoneOfAnotherCountryOrUnknown_NamesEachZone_AndAKnownOneIsKept()
    {
        using var admin = await _node.SignedInAsync("admin");
        var before = await CountAsync();

        var response = await admin.PostAsJsonAsync("api/v1/admin/users",
            new CreateUserRequest("zoned", "Long-enough-1", "Zoned", "CIC Limburg", ["ControlRoom"], "nl") { Zones = ["NL-RE08", "BE-NOPE"] }, Ct);

        var problem = await ExpectProblemAsync(response, HttpStatusCode.BadRequest);
        problem.Errors!.Select(e => (e.Field, e.Rule)).ShouldBe([("zones[0]", "one-of"), ("zones[1]", "one-of")], ignoreOrder: true);
        (await CountAsync()).ShouldBe(before);

        var created = await admin.PostAsJsonAsync("api/v1/admin/users",
            new CreateUserRequest("zoned", "Long-enough-1", "Zoned", "CIC Limburg", ["ControlRoom"], "nl") { Zones = ["be-vli", "BE-VLI"] }, Ct);

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await created.Content.ReadFromJsonAsync<UserSummary>(Ct))!.Zones.ShouldBe(["BE-VLI"]);
    }

    [Fact]
    public async Task TreatyDecision_UnknownCountryCode_Returns400NamingHost()
    {
        using var officer = await _node.SignedInAsync("officer");

        var response = await officer.GetAsync("api/v1/treaty/decide?mission=hot-pursuit&host=XX", Ct);

        var problem = await ExpectProblemAsync(response, HttpStatusCode.BadRequest);
        problem.Errors!.ShouldHaveSingleItem().ShouldBe(new ProblemField("host", "country-code", problem.Errors![0].Message));
    }

    [Fact]
    public async Task AuditSearch_BySubjectWithoutPurpose_Returns400NamingPurpose_AndWritesNoAuditRead()
    {
        using var dpo = await _node.SignedInAsync("dpo");
        var before = await CountAsync();

        var response = await dpo.GetAsync("api/v1/audit/entries?subject=person:123", Ct);

        var problem = await ExpectProblemAsync(response, HttpStatusCode.BadRequest);
        problem.Errors!.ShouldContain(e => e.Field == "purpose" && e.Rule == "required");
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task AuditSearch_MalformedDateAndPage_NamesBothFields()
    {
        using var dpo = await _node.SignedInAsync("dpo");

        var response = await dpo.GetAsync("api/v1/audit/entries?from=yesterday&page=abc", Ct);

        var problem = await ExpectProblemAsync(response, HttpStatusCode.BadRequest);
        problem.Errors!.Select(e => e.Field).ShouldBe(["from", "page"], ignoreOrder: true);
    }

    [Fact]
    public async Task Problems_AreInTheCallersLanguage()
    {
        using var client = _node.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/auth/token")
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        request.Headers.AcceptLanguage.ParseAdd("de-DE");

        var response = await client.SendAsync(request, Ct);

        var problem = await ExpectProblemAsync(response, HttpStatusCode.BadRequest);
        problem.Title.ShouldBe("Die Anfrage ist ungültig");
        problem.Errors![0].Message.ShouldBe("username ist erforderlich.");
    }

    private static async Task<ProblemBody> ExpectProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<ProblemBody>(Ct);
        problem!.Status.ShouldBe((int)status);
        problem.Type.ShouldStartWith("urn:senningen:problem:");
        return problem;
    }

    // Users and audit entries: what a bad request must not have written. The token request that signed in is counted before.
    private async Task<(int Users, int Audit)> CountAsync()
    {
        await using var scope = _node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        return (await db.Users.CountAsync(Ct), await db.AuditEntries.CountAsync(Ct));
    }
}

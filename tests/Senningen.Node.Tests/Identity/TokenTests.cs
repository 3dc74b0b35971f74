using System.Net;
using System.Net.Http.Json;
using Senningen.Contracts.Auth;

namespace Senningen.Node.Tests.Identity;

public sealed class TokenTests
{
    [Fact]
    public async Task IssueToken_DemoUser_ReturnsBearerTokenThatOpensTheApi()
    {
        await using var node = await TestNode.StartAsync();
        using var client = await node.SignedInAsync("officer");

        var me = await client.GetFromJsonAsync<CurrentUser>("api/v1/me", TestContext.Current.CancellationToken);

        me!.Username.ShouldBe("officer");
        me.Country.ShouldBe("BE");
        me.Roles.ShouldBe(["Officer"]);
    }

    [Fact]
    public async Task IssueToken_WrongPassword_Returns401Problem()
    {
        await using var node = await TestNode.StartAsync();
        using var client = node.Anonymous();

        var response = await client.PostAsJsonAsync("api/v1/auth/token", new TokenRequest("officer", "wrong"), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}

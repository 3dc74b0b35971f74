using System.Net;
using System.Net.Http.Json;
using Senningen.Contracts.Auth;

namespace Senningen.Node.Tests.Identity;

/// <summary>Short access tokens and the refresh token that renews them while the user keeps their access.</summary>
public sealed class RevocationRefreshTests
{
    [Fact]
    public async Task Refresh_ValidRefreshToken_ReturnsANewPairThatOpensTheApi()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await RevocationNode.StartAsync();
        var first = await RevocationNode.TokenAsync(node, "officer");
        first.RefreshToken.ShouldNotBeNullOrEmpty();
        first.RefreshExpiresAt!.Value.ShouldBeGreaterThan(first.ExpiresAt);
        using var anonymous = node.Anonymous();

        var response = await anonymous.PostAsJsonAsync("api/v1/auth/refresh", new RefreshRequest(first.RefreshToken), ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = (await response.Content.ReadFromJsonAsync<TokenResponse>(ct))!;
        second.AccessToken.ShouldNotBe(first.AccessToken);
        second.RefreshToken.ShouldNotBeNullOrEmpty();
        using var bearer = RevocationNode.Bearer(node, second.AccessToken);
        (await bearer.GetFromJsonAsync<CurrentUser>("api/v1/me", ct))!.Username.ShouldBe("officer");
    }

    [Fact]
    public async Task DefaultAccessToken_LastsFifteenMinutes()
    {
        await using var node = await TestNode.StartAsync();
        var before = DateTimeOffset.UtcNow;

        var token = await RevocationNode.TokenAsync(node, "officer");

        (token.ExpiresAt - before).ShouldBeInRange(TimeSpan.FromMinutes(14.9), TimeSpan.FromMinutes(15.1));
        (token.RefreshExpiresAt!.Value - before).ShouldBeInRange(TimeSpan.FromHours(11.99), TimeSpan.FromHours(12.01));
    }

    [Fact]
    public async Task ExpiredAccessAndRefreshTokens_AreRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await RevocationNode.StartAsync(new Dictionary<string, string?>
        {
            ["Senningen:Auth:TokenLifetime"] = "00:00:01",
            ["Senningen:Auth:RefreshTokenLifetime"] = "00:00:02",
        });
        var token = await RevocationNode.TokenAsync(node, "officer");
        using var bearer = RevocationNode.Bearer(node, token.AccessToken);
        using var anonymous = node.Anonymous();

        var limit = TimeSpan.FromSeconds(1) + RevocationNode.Slack;
        await RevocationNode.TimeUntilRefusedAsync(() => bearer.GetAsync("api/v1/me", ct), limit);
        await Task.Delay(token.RefreshExpiresAt!.Value - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(100), ct);
        var refresh = await anonymous.PostAsJsonAsync("api/v1/auth/refresh", new RefreshRequest(token.RefreshToken), ct);

        refresh.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await refresh.Content.ReadFromJsonAsync<ProblemBody>(ct))!.Type.ShouldBe("urn:senningen:problem:refresh-refused");
    }

    [Fact]
    public async Task Refresh_MissingForgedOrAccessToken_IsRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await RevocationNode.StartAsync();
        var token = await RevocationNode.TokenAsync(node, "officer");
        using var anonymous = node.Anonymous();

        var missing = await anonymous.PostAsJsonAsync("api/v1/auth/refresh", new RefreshRequest(null), ct);
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await missing.Content.ReadFromJsonAsync<ProblemBody>(ct))!;
        problem.Errors!.ShouldHaveSingleItem().Field.ShouldBe("refreshToken");
        problem.Errors![0].Rule.ShouldBe("required");

        // The two tokens are protected for different purposes, so one cannot stand in for the other.
        foreach (var wrong in new[] { "not-a-token", token.AccessToken })
        {
            var response = await anonymous.PostAsJsonAsync("api/v1/auth/refresh", new RefreshRequest(wrong), ct);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }

        using var misuse = RevocationNode.Bearer(node, token.RefreshToken!);
        (await misuse.GetAsync("api/v1/me", ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

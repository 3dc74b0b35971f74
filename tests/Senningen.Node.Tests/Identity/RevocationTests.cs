using System.Net;
using System.Net.Http.Json;
using Senningen.Contracts.Auth;
using Senningen.Contracts.Users;
using Senningen.Node.Tests.Console;

namespace Senningen.Node.Tests.Identity;

/// <summary>
/// Issue 17 §2: after an administrator (or the lock-out) takes a user's access away, the user's existing bearer token,
/// console cookie and refresh token are refused within <c>Senningen:Auth:RevalidateEvery</c>.
/// </summary>
public sealed class RevocationTests
{
    public static TheoryData<string> Withdrawals => ["lock", "disable", "role", "authorisation", "sign-out"];

    [Theory]
    [MemberData(nameof(Withdrawals))]
    public async Task Withdrawal_RefusesTheExistingTokenCookieAndRefreshToken_WithinTheWindow(string withdrawal)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await RevocationNode.StartAsync();
        var token = await RevocationNode.TokenAsync(node, "liaison");
        using var bearer = RevocationNode.Bearer(node, token.AccessToken);
        using var cookie = await ConsoleSession.SignedInAsync(node, "liaison");
        (await bearer.GetAsync("api/v1/me", ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await cookie.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await WithdrawAsync(node, withdrawal, ct);

        var limit = RevocationNode.Window + RevocationNode.Slack;
        (await RevocationNode.TimeUntilRefusedAsync(() => bearer.GetAsync("api/v1/me", ct), limit)).ShouldBeLessThan(limit);
        (await RevocationNode.TimeUntilRefusedAsync(() => cookie.GetAsync("/api/v1/me"), limit)).ShouldBeLessThan(limit);
        using var anonymous = node.Anonymous();
        var refresh = await anonymous.PostAsJsonAsync("api/v1/auth/refresh", new RefreshRequest(token.RefreshToken), ct);
        refresh.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await refresh.Content.ReadFromJsonAsync<ProblemBody>(ct))!.Type.ShouldBe("urn:senningen:problem:refresh-refused");
    }

    [Fact]
    public async Task ATokenIssuedAfterTheChange_IsAcceptedAtOnce_WhileTheOldOneIsRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        // A long window: the instance's kept read of the user must not hold back a token that carries the newer stamp.
        await using var node = await RevocationNode.StartAsync(new Dictionary<string, string?> { ["Senningen:Auth:RevalidateEvery"] = "00:10:00" });
        using var old = RevocationNode.Bearer(node, (await RevocationNode.TokenAsync(node, "liaison")).AccessToken);
        (await old.GetAsync("api/v1/me", ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await WithdrawAsync(node, "sign-out", ct);

        using var renewed = RevocationNode.Bearer(node, (await RevocationNode.TokenAsync(node, "liaison")).AccessToken);

        (await renewed.GetAsync("api/v1/me", ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await old.GetAsync("api/v1/me", ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static async Task WithdrawAsync(TestNode node, string withdrawal, CancellationToken ct)
    {
        if (withdrawal == "lock")
        {
            using var stranger = node.Anonymous();
            for (var attempt = 1; attempt <= 5; attempt++)
            {
                await stranger.PostAsJsonAsync("api/v1/auth/token", new TokenRequest("liaison", "guess" + attempt), ct);
            }

            return;
        }

        using var admin = await node.SignedInAsync("admin");
        using var response = withdrawal switch
        {
            "disable" => await admin.PostAsync("api/v1/admin/users/liaison/disable", null, ct),
            "role" => await admin.DeleteAsync("api/v1/admin/users/liaison/roles/LiaisonOfficer", ct),
            "authorisation" => await admin.PutAsJsonAsync("api/v1/admin/users/liaison/authorisations",
                new UserAuthorisationsRequest([Authorisations.HitNoHit]), ct),
            _ => await admin.PostAsync("api/v1/admin/users/liaison/sign-out", null, ct),
        };
        response.IsSuccessStatusCode.ShouldBeTrue($"{withdrawal}: {response.StatusCode}");
    }
}

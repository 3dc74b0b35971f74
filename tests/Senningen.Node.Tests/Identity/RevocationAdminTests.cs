using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Contracts.Auth;
using Senningen.Contracts.Users;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Tests.Identity;

/// <summary>The administrator's routes that take access away: their answers, their bad inputs and their audit entries.</summary>
public sealed class RevocationAdminTests
{
    [Fact]
    public async Task DisabledUser_CannotGetAToken_UntilEnabled_AndUnlockDoesNotEnable()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await RevocationNode.StartAsync();
        using var admin = await node.SignedInAsync("admin");
        using var stranger = node.Anonymous();

        var disabled = await admin.PostAsync("api/v1/admin/users/officer/disable", null, ct);
        (await disabled.Content.ReadFromJsonAsync<UserSummary>(ct))!.Disabled.ShouldBeTrue();
        (await stranger.PostAsJsonAsync("api/v1/auth/token", new TokenRequest("officer", "demo"), ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await admin.PostAsync("api/v1/admin/users/officer/unlock", null, ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await stranger.PostAsJsonAsync("api/v1/auth/token", new TokenRequest("officer", "demo"), ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var enabled = await admin.PostAsync("api/v1/admin/users/officer/enable", null, ct);

        (await enabled.Content.ReadFromJsonAsync<UserSummary>(ct))!.Disabled.ShouldBeFalse();
        (await stranger.PostAsJsonAsync("api/v1/auth/token", new TokenRequest("officer", "demo"), ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Roles_AddedAndRemoved_AreAudited()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await RevocationNode.StartAsync();
        using var admin = await node.SignedInAsync("admin");

        var added = await admin.PutAsync("api/v1/admin/users/officer/roles/ControlRoom", null, ct);
        (await added.Content.ReadFromJsonAsync<UserSummary>(ct))!.Roles.ShouldBe(["ControlRoom", "Officer"]);
        var removed = await admin.DeleteAsync("api/v1/admin/users/officer/roles/Officer", ct);
        (await removed.Content.ReadFromJsonAsync<UserSummary>(ct))!.Roles.ShouldBe(["ControlRoom"]);
        (await admin.PostAsync("api/v1/admin/users/officer/disable", null, ct)).EnsureSuccessStatusCode();
        (await admin.PostAsync("api/v1/admin/users/officer/enable", null, ct)).EnsureSuccessStatusCode();
        (await admin.PostAsync("api/v1/admin/users/officer/sign-out", null, ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var entries = await db.AuditEntries.Where(e => e.Actor == "admin" && e.Action.StartsWith("user.") && e.Action != "user.read")
            .OrderBy(e => e.Sequence).Select(e => new { e.Action, e.Detail }).ToListAsync(ct);
        entries.Select(e => $"{e.Action} {e.Detail}").ShouldBe([
            "user.roles granted: ControlRoom", "user.roles withdrawn: Officer", "user.disable disabled", "user.enable enabled",
            "user.sign-out all sessions ended"]);
    }

    [Fact]
    public async Task UnknownUser_Returns404_AndUnknownRole_Returns400NamingTheRoleField()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await RevocationNode.StartAsync();
        using var admin = await node.SignedInAsync("admin");
        (string Method, string Path)[] unknownUser =
        [
            ("POST", "disable"), ("POST", "enable"), ("PUT", "roles/Officer"), ("DELETE", "roles/Officer"), ("POST", "sign-out"),
        ];

        foreach (var (method, path) in unknownUser)
        {
            var response = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"api/v1/admin/users/mallory/{path}"), ct);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{method} {path}");
            (await response.Content.ReadFromJsonAsync<ProblemBody>(ct))!.Type.ShouldBe("urn:senningen:problem:not-found");
        }

        foreach (var method in new[] { "PUT", "DELETE" })
        {
            var response = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), "api/v1/admin/users/officer/roles/Pilot"), ct);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, method);
            var error = (await response.Content.ReadFromJsonAsync<ProblemBody>(ct))!.Errors!.ShouldHaveSingleItem();
            error.Field.ShouldBe("role");
            error.Rule.ShouldBe("one-of");
        }

        // A refused change is no change: the officer still signs in with the role they had.
        (await admin.GetFromJsonAsync<List<UserSummary>>("api/v1/admin/users", ct))!.Single(u => u.Username == "officer").Roles.ShouldBe(["Officer"]);
    }

    [Fact]
    public async Task AnOfficer_CannotTakeAccessAway()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await RevocationNode.StartAsync();
        using var officer = await node.SignedInAsync("officer");

        var response = await officer.PostAsync("api/v1/admin/users/admin/disable", null, ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

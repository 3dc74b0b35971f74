using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Contracts.Auth;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Tests.Security;

public sealed class LockoutTests
{
    [Fact]
    public async Task WrongPasswordFiveTimes_LocksTheAccount_EvenAgainstTheRightPassword()
    {
        await using var node = await TestNode.StartAsync();
        using var client = node.Anonymous();
        var ct = TestContext.Current.CancellationToken;
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await client.PostAsJsonAsync("api/v1/auth/token", new TokenRequest("liaison", "guess" + attempt), ct);
            wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var right = await client.PostAsJsonAsync("api/v1/auth/token", new TokenRequest("liaison", "demo"), ct);

        right.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var problem = await right.Content.ReadFromJsonAsync<ProblemBody>(ct);
        problem!.Type.ShouldBe("urn:senningen:problem:locked-out");
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var failures = await db.AuditEntries.Where(e => e.Actor == "liaison" && e.Action == "auth.token" && e.Outcome == "failed").ToListAsync(ct);
        failures.Count.ShouldBe(6);
        failures[^1].Detail.ShouldBe("locked out");
    }

    [Fact]
    public async Task LockedOutUser_IsUnlockedByAnAdministrator_AndCanSignInAgain()
    {
        await using var node = await TestNode.StartAsync();
        using var client = node.Anonymous();
        var ct = TestContext.Current.CancellationToken;
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await client.PostAsJsonAsync("api/v1/auth/token", new TokenRequest("officer", "nope"), ct);
        }

        using var admin = await node.SignedInAsync("admin");
        (await admin.PostAsync("api/v1/admin/users/officer/unlock", null, ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var again = await client.PostAsJsonAsync("api/v1/auth/token", new TokenRequest("officer", "demo"), ct);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task UnknownUser_IsRefusedLikeAWrongPassword_AndAudited()
    {
        await using var node = await TestNode.StartAsync();
        using var client = node.Anonymous();
        var ct = TestContext.Current.CancellationToken;

        var response = await client.PostAsJsonAsync("api/v1/auth/token", new TokenRequest("mallory", "x"), ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadFromJsonAsync<ProblemBody>(ct))!.Type.ShouldBe("urn:senningen:problem:bad-credentials");
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        (await db.AuditEntries.CountAsync(e => e.Actor == "mallory" && e.Outcome == "failed", ct)).ShouldBe(1);
    }
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Contracts.Auth;
using Senningen.Contracts.Users;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Identity.Data;

namespace Senningen.Node.Tests.Identity;

/// <summary>The demo's users (password "demo") do not outlive demo mode; users an administrator created stay.</summary>
public sealed class DemoUsersRemovalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LeavingDemoMode_RemovesTheDemoUsers_KeepsTheOthers_AndAuditsOnce()
    {
        await using var node = await TestNode.StartAsync();
        using (var admin = await node.SignedInAsync("admin"))
        {
            var created = await admin.PostAsJsonAsync("api/v1/admin/users",
                new CreateUserRequest("j.peeters", "Long-Enough-Pass-42", "J. Peeters", "PZ Noorderkempen", [Roles.Officer], "nl"), Ct);
            created.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        await node.StopAsync();
        node.Set("Senningen:Node:Demo", "false");
        await node.StartAgainAsync();
        await node.StopAsync();
        await node.StartAgainAsync();

        await using var scope = node.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SenningenUser>>();
        (await users.Users.Select(u => u.UserName).ToListAsync(Ct)).ShouldBe(["j.peeters"]);
        using var client = node.Anonymous();
        (await client.PostAsJsonAsync("api/v1/auth/token", new TokenRequest("admin", "demo"), Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.PostAsJsonAsync("api/v1/auth/token", new TokenRequest("j.peeters", "Long-Enough-Pass-42"), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var removal = await db.AuditEntries.Where(e => e.Action == "user.demo-removed").ToListAsync(Ct);
        removal.ShouldHaveSingleItem().Detail.ShouldBe("5 demo users removed: the node left demo mode");
    }
}

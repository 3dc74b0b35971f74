using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Contracts.Users;
using Senningen.Node.Features.Identity.Data;

namespace Senningen.Testing;

/// <summary>
/// Users of other units and zones than the demo's, for need-to-know tests of operations and alerts: created through the
/// admin API as an administrator would, and the claims the node itself gives a signed-in user, for use cases called in a scope.
/// </summary>
public static class OperationsOtherUnitUsers
{
    /// <summary>Long enough for any password policy the node applies.</summary>
    public const string Password = "correct horse battery staple 17";

    public static async Task CreateAsync(TestNode node, string username, string unit, string role, params string[] zones)
    {
        ArgumentNullException.ThrowIfNull(node);
        using var admin = await node.SignedInAsync("admin");
        using var response = await admin.PostAsJsonAsync("api/v1/admin/users",
            new CreateUserRequest(username, Password, username, unit, [role], "en") { Zones = zones });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Creating {username}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public static Task<HttpClient> SignedInAsync(TestNode node, string username) =>
        node.SignedInAsync(username, username is "officer" or "controlroom" or "liaison" or "dpo" or "admin" ? "demo" : Password);

    /// <summary>The principal the node builds for <paramref name="username"/> at sign-in (unit, zones, roles).</summary>
    public static async Task<ClaimsPrincipal> PrincipalAsync(TestNode node, string username)
    {
        ArgumentNullException.ThrowIfNull(node);
        await using var scope = node.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SenningenUser>>();
        var user = await users.FindByNameAsync(username) ?? throw new InvalidOperationException($"No user {username}.");
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<SenningenUser>>().CreateAsync(user);
    }
}

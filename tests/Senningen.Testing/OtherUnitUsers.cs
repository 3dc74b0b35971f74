using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Contracts.Users;
using Senningen.Node.Features.Identity.Data;

namespace Senningen.Testing;

/// <summary>
/// Users of units and control-room zones the demo does not have, created through the admin API as an administrator
/// would: need-to-know tests sign in as them next to the demo users of the same roles ("the same role, another unit").
/// </summary>
public static class OtherUnitUsers
{
    /// <summary>Long enough, and uncommon enough, for any password policy the node applies.</summary>
    public const string Password = "correct horse battery staple 17";

    public static async Task CreateAsync(this TestNode node, string username, string unit, string role,
        IReadOnlyList<string>? zones = null, IReadOnlyList<string>? authorisations = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        using var admin = await node.SignedInAsync("admin");
        using var response = await admin.PostAsJsonAsync("api/v1/admin/users",
            new CreateUserRequest(username, Password, $"{role} of {unit}", unit, [role], "en") { Zones = zones, Authorisations = authorisations });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Creating {username}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Creates the user and gives a client signed in as them.</summary>
    public static async Task<HttpClient> SignedInAsNewAsync(this TestNode node, string username, string unit, string role,
        IReadOnlyList<string>? zones = null, IReadOnlyList<string>? authorisations = null)
    {
        await node.CreateAsync(username, unit, role, zones, authorisations);
        return await node.SignedInAsync(username, Password);
    }

    /// <summary>Signs in a demo user (password "demo") or one this class created.</summary>
    public static Task<HttpClient> SignedInAnyAsync(this TestNode node, string username) =>
        node.SignedInAsync(username, username is "officer" or "controlroom" or "liaison" or "dpo" or "admin" ? "demo" : Password);

    /// <summary>The principal the node builds for <paramref name="username"/> at sign-in (unit, zones, roles), for use cases called in a scope.</summary>
    public static async Task<ClaimsPrincipal> PrincipalAsync(this TestNode node, string username)
    {
        ArgumentNullException.ThrowIfNull(node);
        await using var scope = node.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SenningenUser>>();
        var user = await users.FindByNameAsync(username) ?? throw new InvalidOperationException($"No user {username}.");
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<SenningenUser>>().CreateAsync(user);
    }
}

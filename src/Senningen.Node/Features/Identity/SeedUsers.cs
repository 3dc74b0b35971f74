using Microsoft.AspNetCore.Identity;
using Senningen.Contracts.Users;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Features.Identity.Data;
using Senningen.Node.Features.Identity.ManageUsers;

namespace Senningen.Node.Features.Identity;

/// <summary>
/// Start-up: the roles always exist; the first administrator comes from Senningen:Bootstrap when the node has
/// no user yet; demo users exist only in demo mode and are removed when it ends. There is never a default password outside the demo.
/// </summary>
internal static class SeedUsers
{
    public static async Task SeedUsersAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var roles = provider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var settings = provider.GetRequiredService<NodeSettings>();
        var users = provider.GetRequiredService<UserManager<SenningenUser>>();
        var directory = provider.GetRequiredService<UserDirectory>();
        var node = Actor.Node(settings);
        if (!settings.DemoMode)
        {
            await RemoveDemoUsersAsync(users, provider.GetRequiredService<AuditLog>(), node, cancellationToken);
        }

        if (settings.Bootstrap is { } admin && !users.Users.Any())
        {
            var result = await directory.CreateAsync(new CreateUserRequest(admin.Username, admin.Password, "Administrator",
                settings.Name, [Roles.Admin], "en"), cancellationToken, node);
            if (result.User is null)
            {
                throw new ConfigurationProblemException(
                    [.. result.Errors.Select(e => $"Senningen:Bootstrap:Admin{(e.Field == "password" ? "Password" : "User")} was refused: {e.Message}")]);
            }
        }

        if (!settings.DemoMode)
        {
            return;
        }

        foreach (var demo in DemoUsers.For(settings.Country))
        {
            var existing = await users.FindByNameAsync(demo.Username!);
            if (existing is null)
            {
                await directory.CreateAsync(demo, cancellationToken, node);
                existing = await users.FindByNameAsync(demo.Username!);
            }

            // Marked so that they are removed when the node leaves demo mode (a demo database from before the mark gets it now).
            var claims = await users.GetClaimsAsync(existing!);
            if (!claims.Any(c => c.Type == UserMarks.Demo))
            {
                await users.AddClaimAsync(existing!, UserMarks.DemoClaim);
            }

            if (demo.Authorisations is { Count: > 0 } wanted
                && !claims.Any(c => c.Type == Actor.AuthorisationClaim))
            {
                // A demo database from before national authorisations existed: its users get the demo's clearances once.
                await directory.SetAuthorisationsAsync(demo.Username!, wanted, cancellationToken, node);
            }

            if (demo.Zones is { Count: > 0 } zones && string.IsNullOrEmpty(existing!.Zones))
            {
                // A demo database from before need to know: the patrol and the control room get their zones once.
                existing.Zones = string.Join(',', zones);
                await users.UpdateAsync(existing);
            }
        }
    }

    /// <summary>The demo's users (password "demo") do not outlive demo mode: deleted at the first start without it, audited once.</summary>
    private static async Task RemoveDemoUsersAsync(UserManager<SenningenUser> users, AuditLog audit, Actor node, CancellationToken cancellationToken)
    {
        var demo = await users.GetUsersForClaimAsync(UserMarks.DemoClaim);
        if (demo.Count == 0)
        {
            return;
        }

        foreach (var user in demo)
        {
            var deleted = await users.DeleteAsync(user);
            if (!deleted.Succeeded)
            {
                throw new InvalidOperationException($"Demo user {user.UserName} could not be removed: {string.Join("; ", deleted.Errors.Select(e => e.Description))}");
            }
        }

        await audit.WriteAsync(new AuditRecord(AuditActions.UserDemoRemoved, AuditOutcomes.Success, [.. demo.Select(u => $"user:{u.UserName}")],
            Detail: $"{demo.Count} demo users removed: the node left demo mode"), node, cancellationToken);
    }
}

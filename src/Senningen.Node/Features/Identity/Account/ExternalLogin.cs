using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Features.Identity.Data;

namespace Senningen.Node.Features.Identity.Account;

/// <summary>Completes an OpenID Connect sign-in: the provider's user name must match a user created on this node.</summary>
internal static class ExternalLogin
{
    public static async Task<IResult> CallbackAsync(HttpContext http, UserManager<SenningenUser> users,
        SignInManager<SenningenUser> signIn, AuditLog audit, NodeSettings settings, CancellationToken ct)
    {
        if (settings.Auth.Oidc is null)
        {
            return Results.NotFound();
        }

        var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
        var name = external.Principal?.Identity?.Name;
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        var user = string.IsNullOrWhiteSpace(name) ? null : await users.FindByNameAsync(name);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            await audit.WriteAsync(new AuditRecord(AuditActions.Login, AuditOutcomes.Failed,
                Detail: user is null ? "external identity not known on this node" : "locked out"),
                new Actor(name ?? "(unknown)", "", settings.Country.Value), ct);
            return Results.LocalRedirect("/login?error=external");
        }

        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: IdentityModule.OidcScheme);
        await audit.WriteAsync(new AuditRecord(AuditActions.Login, AuditOutcomes.Success, Detail: "via OpenID Connect"),
            new Actor(user.UserName ?? name!, user.Unit, user.Country.Value), ct);
        return Results.LocalRedirect("/");
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Features.Identity.Data;
using Senningen.Node.Features.Identity.ManageUsers;

namespace Senningen.Node.Features.Identity.Account;

/// <summary>
/// Completes an OpenID Connect sign-in: the provider's issuer and subject must be linked to a user of this node by an
/// administrator. The user name the provider sends decides nothing: anyone can choose one there.
/// </summary>
internal static class ExternalLogin
{
    public static async Task<IResult> CallbackAsync(HttpContext http, UserManager<SenningenUser> users, ExternalLogins logins,
        SignInManager<SenningenUser> signIn, AuditLog audit, NodeSettings settings, CancellationToken ct)
    {
        if (settings.Auth.Oidc is null)
        {
            return Results.NotFound();
        }

        var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        var issuer = external.Principal?.FindFirstValue("iss") is { Length: > 0 } iss ? ExternalLogins.Canonical(iss) : null;
        var subject = external.Principal?.FindFirstValue("sub");
        var user = issuer is null || issuer != logins.TrustedIssuer || string.IsNullOrEmpty(subject) ? null : await users.FindByLoginAsync(issuer, subject);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            await audit.WriteAsync(new AuditRecord(AuditActions.Login, AuditOutcomes.Failed,
                Detail: user is null ? $"external identity not linked on this node: issuer {issuer ?? "-"}, subject {subject ?? "-"}" : "locked out"),
                Refused(user, settings), ct);
            return Results.LocalRedirect("/login?error=external");
        }

        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: IdentityModule.OidcScheme);
        await audit.WriteAsync(new AuditRecord(AuditActions.Login, AuditOutcomes.Success, Detail: $"via OpenID Connect: issuer {issuer}, subject {subject}"),
            new Actor(user.UserName!, user.Unit, user.Country.Value), ct);
        return Results.LocalRedirect("/");
    }

    /// <summary>Who a refused external sign-in is recorded under: the linked user, else no name (the provider's is not trusted).</summary>
    public static Actor Refused(SenningenUser? user, NodeSettings settings) =>
        user is null ? new Actor("(external identity)", "", settings.Country.Value) : new Actor(user.UserName!, user.Unit, user.Country.Value);
}

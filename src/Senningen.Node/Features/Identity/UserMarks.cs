using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Senningen.Node.Features.Identity.Data;

namespace Senningen.Node.Features.Identity;

/// <summary>
/// Marks kept as user claims (AspNetUserClaims, so no schema change): which users the demo seeded, and which users
/// linked to an identity provider may still sign in with a local password.
/// </summary>
internal static class UserMarks
{
    public const string Demo = "senningen:demo";
    public const string LocalPassword = "senningen:local-password";
    public const string Allowed = "allowed";

    public static Claim DemoClaim => new(Demo, "true");

    public static Claim LocalPasswordClaim => new(LocalPassword, Allowed);

    /// <summary>
    /// A user linked to an external identity signs in there; a local password works for them only when an
    /// administrator allowed it (a break-glass account, say).
    /// </summary>
    public static async Task<bool> AllowsLocalPasswordAsync(this UserManager<SenningenUser> users, SenningenUser user) =>
        (await users.GetLoginsAsync(user)).Count == 0
        || (await users.GetClaimsAsync(user)).Any(c => c.Type == LocalPassword && c.Value == Allowed);
}

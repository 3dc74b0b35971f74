using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Senningen.Node.Common.Audit;
using Senningen.Node.Features.Identity.Data;

namespace Senningen.Node.Features.Identity;

/// <summary>Puts unit, country, display name and language into the principal, so audit and console need no lookup.</summary>
internal sealed class SenningenClaimsFactory(
    UserManager<SenningenUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<SenningenUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(SenningenUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Actor.UnitClaim, user.Unit));
        identity.AddClaim(new Claim(Actor.CountryClaim, user.Country.Value));
        identity.AddClaim(new Claim(Actor.DisplayNameClaim, user.DisplayName));
        identity.AddClaim(new Claim(Actor.LanguageClaim, user.Language));
        identity.AddClaim(new Claim(Actor.ZonesClaim, user.Zones));
        return identity;
    }
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Senningen.Contracts.Auth;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Features.Identity.Data;

namespace Senningen.Node.Features.Identity;

/// <summary>
/// Issues the bearer tokens the API accepts. They are protected with the node's data-protection keys, which live
/// in the database, so every instance of the node accepts a token any instance issued.
/// </summary>
internal sealed class TokenIssuer(
    SignInManager<SenningenUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, NodeSettings settings, TimeProvider clock)
{
    public async Task<TokenResponse> IssueAsync(SenningenUser user)
    {
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var now = clock.GetUtcNow();
        var expires = now + settings.Auth.TokenLifetime;
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = expires };
        var ticket = new AuthenticationTicket(principal, properties, IdentityConstants.BearerScheme);
        var token = bearer.Get(IdentityConstants.BearerScheme).BearerTokenProtector.Protect(ticket);
        return new TokenResponse(token, expires);
    }
}

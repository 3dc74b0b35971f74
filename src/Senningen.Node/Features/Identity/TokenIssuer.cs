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
/// in the database, so every instance of the node accepts a token any instance issued. The access token is short; the
/// refresh token that comes with it renews the pair only while the user's security stamp is unchanged (ADR 0024).
/// </summary>
internal sealed class TokenIssuer(
    SignInManager<SenningenUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, NodeSettings settings, TimeProvider clock)
{
    public async Task<TokenResponse> IssueAsync(SenningenUser user)
    {
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var now = clock.GetUtcNow();
        var expires = now + settings.Auth.TokenLifetime;
        var refreshExpires = now + settings.Auth.RefreshTokenLifetime;
        var options = bearer.Get(IdentityConstants.BearerScheme);
        var token = options.BearerTokenProtector.Protect(Ticket(principal, now, expires));
        var refresh = options.RefreshTokenProtector.Protect(Ticket(principal, now, refreshExpires));
        return new TokenResponse(token, expires) { RefreshToken = refresh, RefreshExpiresAt = refreshExpires };
    }

    private static AuthenticationTicket Ticket(System.Security.Claims.ClaimsPrincipal principal, DateTimeOffset now, DateTimeOffset expires) =>
        new(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = expires }, IdentityConstants.BearerScheme);
}

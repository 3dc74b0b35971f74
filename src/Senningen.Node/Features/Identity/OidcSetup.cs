using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Features.Identity;

/// <summary>
/// Optional sign-in through a national identity provider (OpenID Connect, code flow with PKCE). The provider
/// authenticates; the node's own user record (matched by user name) still decides unit, country and roles.
/// </summary>
internal static class OidcSetup
{
    public static AuthenticationBuilder AddOidc(this AuthenticationBuilder authentication, OidcSettings oidc) =>
        authentication.AddOpenIdConnect(IdentityModule.OidcScheme, oidc.DisplayName, o =>
        {
            o.Authority = oidc.Authority;
            o.ClientId = oidc.ClientId;
            o.ClientSecret = oidc.ClientSecret;
            o.ResponseType = "code";
            o.UsePkce = true;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.CallbackPath = "/signin-oidc";
            o.MapInboundClaims = false;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.GetClaimsFromUserInfoEndpoint = true;
            o.TokenValidationParameters.NameClaimType = oidc.UsernameClaim;
        });
}

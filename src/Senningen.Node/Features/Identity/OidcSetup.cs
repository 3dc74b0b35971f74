using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Features.Identity.Account;

namespace Senningen.Node.Features.Identity;

/// <summary>
/// Optional sign-in through a national identity provider (OpenID Connect, code flow with PKCE). The provider
/// authenticates; the identity (issuer and subject) is mapped to a node user only through a link an administrator made,
/// and that user's record still decides unit, country and roles.
/// </summary>
internal static class OidcSetup
{
    public static AuthenticationBuilder AddOidc(this AuthenticationBuilder authentication, OidcSettings oidc) =>
        authentication.AddOpenIdConnect(IdentityModule.OidcScheme, oidc.DisplayName, o =>
        {
            o.Authority = oidc.Authority;
            // Metadata over plain http only from this machine (a test or development provider).
            o.RequireHttpsMetadata = !IsLoopback(oidc.Authority);
            o.ClientId = oidc.ClientId;
            o.ClientSecret = oidc.ClientSecret;
            o.ResponseType = "code";
            o.UsePkce = true;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.CallbackPath = "/signin-oidc";
            o.MapInboundClaims = false;
            // The issuer is half of the identity a user is linked by; the handler drops it by default.
            o.ClaimActions.Remove("iss");
            // Secure whenever the request is (HTTPS, or behind a trusted TLS proxy), as the node's own cookies are.
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.GetClaimsFromUserInfoEndpoint = true;
            o.TokenValidationParameters.NameClaimType = oidc.UsernameClaim;
            o.Events.OnRemoteFailure = RefuseAsync;
        });

    private static async Task RefuseAsync(RemoteFailureContext context)
    {
        var services = context.HttpContext.RequestServices;
        var reason = context.Failure?.Message ?? "unknown";
        await services.GetRequiredService<AuditLog>().WriteAsync(
            new AuditRecord(AuditActions.Login, AuditOutcomes.Failed, Detail: "OpenID Connect sign-in refused: " + (reason.Length <= 300 ? reason : reason[..300])),
            ExternalLogin.Refused(null, services.GetRequiredService<NodeSettings>()), context.HttpContext.RequestAborted);
        context.Response.Redirect("/login?error=external");
        context.HandleResponse();
    }

    private static bool IsLoopback(string authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));
}

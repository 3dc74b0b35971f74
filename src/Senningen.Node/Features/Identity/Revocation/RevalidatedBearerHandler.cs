using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace Senningen.Node.Features.Identity.Revocation;

/// <summary>
/// The API's bearer scheme: Identity's bearer token handler decrypts the token and checks its expiry, and this handler
/// refuses it when its user's standing changed since it was issued (the bearer handler alone honours a token until it expires).
/// </summary>
internal sealed class RevalidatedBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, UserStanding standing)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "senningen-bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = await Context.AuthenticateAsync(IdentityConstants.BearerScheme);
        if (!token.Succeeded)
        {
            return token;
        }

        bool current;
        try
        {
            current = await standing.IsCurrentAsync(token.Principal, token.Properties.IssuedUtc, fresh: false, Context.RequestAborted);
        }
        catch (Exception e) when (Common.Errors.DatabaseUnavailable.Is(e))
        {
            // Standing cannot be checked, so the token is not honoured: the 503 that follows is still in the user's
            // language, which the language middleware (after authentication) would otherwise have taken from the token.
            var language = Common.Localization.Texts.Normalise(token.Principal.FindFirst(Common.Audit.Actor.LanguageClaim)?.Value);
            Context.Features.Set<IRequestCultureFeature>(new RequestCultureFeature(new RequestCulture(language), provider: null));
            throw;
        }

        return current
            ? AuthenticateResult.Success(new AuthenticationTicket(token.Principal, token.Properties, Scheme.Name))
            : AuthenticateResult.Fail("The user's access was withdrawn after this token was issued.");
    }
}

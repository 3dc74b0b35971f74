using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Features.Identity.Revocation;

/// <summary>
/// Every credential the node hands out is checked against the user's security stamp at least once per
/// <see cref="AuthSettings.RevalidateEvery"/>: bearer tokens, console cookies and open console circuits (ADR 0024).
/// </summary>
internal static class RevocationSetup
{
    public static AuthenticationBuilder AddRevocation(this AuthenticationBuilder authentication, NodeSettings settings)
    {
        var services = authentication.Services;
        services.AddSingleton<UserStanding>();
        services.AddSingleton<Common.Security.ICredentialStanding, StreamCredentialStanding>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = settings.Auth.RevalidateEvery);
        services.AddScoped<ISecurityStampValidator, StandingStampValidator>();
        // Registered over the framework's provider, whichever of the two is added first.
        services.AddScoped<AuthenticationStateProvider, RevalidatingConsoleState>();
        return authentication.AddScheme<AuthenticationSchemeOptions, RevalidatedBearerHandler>(RevalidatedBearerHandler.SchemeName, o =>
        {
            o.ForwardChallenge = IdentityConstants.BearerScheme;
            o.ForwardForbid = IdentityConstants.BearerScheme;
        });
    }
}

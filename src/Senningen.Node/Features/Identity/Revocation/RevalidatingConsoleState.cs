using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Features.Identity.Revocation;

/// <summary>
/// The authentication state of an open console page: a circuit outlives the request that opened it, so its user is
/// checked once per window; when withdrawn, the page's user becomes anonymous and the router sends it to /login.
/// </summary>
internal sealed class RevalidatingConsoleState(ILoggerFactory logger, UserStanding standing, NodeSettings settings)
    : RevalidatingServerAuthenticationStateProvider(logger)
{
    protected override TimeSpan RevalidationInterval => settings.Auth.RevalidateEvery;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        standing.IsCurrentAsync(authenticationState.User, issuedAt: null, fresh: true, cancellationToken);
}

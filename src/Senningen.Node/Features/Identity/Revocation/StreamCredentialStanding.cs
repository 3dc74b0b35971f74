using System.Security.Claims;
using Senningen.Node.Common.Security;

namespace Senningen.Node.Features.Identity.Revocation;

/// <summary>The standing a long response checks: the same stamp and lock-out rule, and the same per-window read, as a bearer token's.</summary>
internal sealed class StreamCredentialStanding(UserStanding standing) : ICredentialStanding
{
    public Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct) => standing.IsCurrentAsync(principal, issuedAt: null, fresh: false, ct);
}

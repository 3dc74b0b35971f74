using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Features.Identity.Data;

namespace Senningen.Node.Features.Identity.Revocation;

/// <summary>
/// Whether a principal still speaks for its user: the security stamp it carries is the user's current one, and the user is
/// neither locked out nor disabled. What was read is kept per instance for at most <see cref="AuthSettings.RevalidateEvery"/>,
/// so instances sharing one database each notice a revocation within the window without a revocation list of their own.
/// </summary>
internal sealed class UserStanding(IServiceScopeFactory scopes, IOptions<IdentityOptions> identity, NodeSettings settings, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Entry> _read = new(StringComparer.Ordinal);

    private sealed record Entry(string? Stamp, DateTimeOffset? LockoutEnd, DateTimeOffset ReadAt);

    /// <param name="issuedAt">When the credential was issued: one issued after the kept read may carry a newer stamp (a new
    /// sign-in after a change), so the row is read again rather than the new credential refused. Tickets keep the instant
    /// to the second, hence the second's margin.</param>
    /// <param name="fresh">Read the database now (cookies and circuits, which are checked once per window anyway).</param>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, DateTimeOffset? issuedAt, bool fresh, CancellationToken cancellationToken)
    {
        var claims = identity.Value.ClaimsIdentity;
        var id = principal.FindFirstValue(claims.UserIdClaimType);
        var stamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        if (id is null || stamp is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        if (fresh || !_read.TryGetValue(id, out var entry) || now - entry.ReadAt >= settings.Auth.RevalidateEvery || issuedAt + TimeSpan.FromSeconds(1) > entry.ReadAt)
        {
            entry = await ReadAsync(id, now, cancellationToken);
            _read[id] = entry;
        }

        return entry.Stamp is not null && string.Equals(entry.Stamp, stamp, StringComparison.Ordinal) && !(entry.LockoutEnd > now);
    }

    private async Task<Entry> ReadAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SenningenUser>>();
        var row = await users.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.SecurityStamp, u.LockoutEnabled, u.LockoutEnd })
            .FirstOrDefaultAsync(cancellationToken);
        // A deleted user reads as no stamp, which matches no principal.
        return new Entry(row?.SecurityStamp, row is { LockoutEnabled: true } ? row.LockoutEnd : null, now);
    }
}

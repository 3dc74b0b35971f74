using System.Security.Claims;

namespace Senningen.Node.Common.Officers;

/// <summary>
/// A new DI scope acting for a user. Console pages take one per load or action, so each gets its own DbContext (a
/// circuit's would live as long as the browser tab, serve overlapping clicks and keep stale tracked rows), and
/// background work started by a user (the demo's replay) keeps acting as them; the use cases in the scope read the
/// user from its <see cref="CurrentOfficer"/> as they do in an API request.
/// </summary>
public static class OfficerScopes
{
    public static AsyncServiceScope CreateOfficerScope(this IServiceScopeFactory scopes, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentOfficer>().Use(user);
        return scope;
    }

    /// <summary>A scope acting as the page's officer.</summary>
    public static AsyncServiceScope CreateAsyncScope(this IServiceScopeFactory scopes, CurrentOfficer officer)
    {
        ArgumentNullException.ThrowIfNull(officer);
        return scopes.CreateOfficerScope(officer.Principal);
    }
}

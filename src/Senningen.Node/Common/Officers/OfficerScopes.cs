namespace Senningen.Node.Common.Officers;

/// <summary>
/// A console page does each piece of work in a scope of its own (a circuit lives for hours, and one DbContext must not
/// serve overlapping clicks), and a new scope's <see cref="CurrentOfficer"/> starts empty: this scope acts as the page's officer.
/// </summary>
public static class OfficerScopes
{
    public static AsyncServiceScope CreateAsyncScope(this IServiceScopeFactory scopes, CurrentOfficer officer)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(officer);
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentOfficer>().Use(officer.Principal);
        return scope;
    }
}

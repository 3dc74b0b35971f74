namespace Senningen.Node.Common.Officers;

/// <summary>
/// A use case for a console page: each call gets a scope of its own (its own DbContext, as an API request has), in which
/// the page's officer acts. A page injects this rather than <typeparamref name="T"/>: the circuit's scope lives as long as
/// the tab, and its loads, feed signals and clicks overlap, which one DbContext does not allow.
/// </summary>
public sealed class PerCall<T>(IServiceScopeFactory scopes, CurrentOfficer officer)
    where T : notnull
{
    public async Task<TResult> RunAsync<TResult>(Func<T, Task<TResult>> call)
    {
        await using var scope = scopes.CreateAsyncScope(officer);
        return await call(scope.ServiceProvider.GetRequiredService<T>());
    }
}

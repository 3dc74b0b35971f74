using System.Collections.Concurrent;

namespace Senningen.Node.Common.Security;

/// <summary>
/// One console visit of another unit's object is one attempt: the server renders the page (the denial is written, the
/// answer is the not-found page with 404), then the browser's live circuit renders it again from scratch, since the
/// not-found page replaced it and it kept no state. This remembers, per instance and for a short while, the denials
/// written while a page was rendered for an HTTP request, so the circuit's repeat of the same user's look at the same
/// object is not written twice. API calls are never circuits: each of their denials is written.
/// </summary>
public sealed class PageVisitDenials(TimeProvider clock)
{
    // A circuit starts within seconds of the page it belongs to; longer only keeps a real second look from being written.
    private static readonly TimeSpan Visit = TimeSpan.FromSeconds(20);

    private readonly ConcurrentDictionary<(string User, string Record), DateTimeOffset> _written = new();

    public static bool IsCircuit(HttpContext? http) =>
        http is null || http.Request.Path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a denial of <paramref name="record"/> to <paramref name="user"/> should be written now.</summary>
    public bool ShouldWrite(string user, string record, HttpContext? http)
    {
        var now = clock.GetUtcNow();
        if (!IsCircuit(http))
        {
            Prune(now);
            _written[(user, record)] = now;
            return true;
        }

        return !(_written.TryRemove((user, record), out var at) && now - at < Visit);
    }

    private void Prune(DateTimeOffset now)
    {
        if (_written.Count < 1_000)
        {
            return;
        }

        foreach (var (key, at) in _written)
        {
            if (now - at >= Visit)
            {
                _written.TryRemove(key, out _);
            }
        }
    }
}

namespace Senningen.Core.Anpr;

/// <summary>
/// The live hotlist: holds the current <see cref="HotlistIndex"/> snapshot and swaps in a new one on update, so
/// matching never stops and never locks. Readers take <see cref="Current"/> once per read; writers are serialised
/// among themselves, so two updates never rebuild from the same snapshot and lose one another's changes.
/// </summary>
public sealed class Hotlist
{
    private readonly Lock _writing = new();
    private volatile HotlistIndex _current;

    public Hotlist(HotlistIndex initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _current = initial;
    }

    public HotlistIndex Current => _current;

    /// <summary>Builds the next snapshot from the current one (<see cref="HotlistIndex.With"/>) and swaps it in; returns it.</summary>
    public HotlistIndex Update(IEnumerable<HotlistEntry> upserts, IEnumerable<string> removals)
    {
        lock (_writing)
        {
            var next = _current.With(upserts, removals);
            _current = next;
            return next;
        }
    }

    /// <summary>Swaps in a snapshot built elsewhere (a full reload); returns the one it replaced.</summary>
    public HotlistIndex Replace(HotlistIndex next)
    {
        ArgumentNullException.ThrowIfNull(next);
        lock (_writing)
        {
            var previous = _current;
            _current = next;
            return previous;
        }
    }
}

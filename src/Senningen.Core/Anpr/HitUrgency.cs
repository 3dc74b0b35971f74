namespace Senningen.Core.Anpr;

/// <summary>
/// How urgently a hit calls the control room to act, from the entry's action: a seizure (or arrest) sends a unit at
/// once, a check stops the vehicle, a report only records the sighting. The hit board orders and colours by it.
/// </summary>
public enum HitUrgency
{
    Report = 1,
    Check = 2,
    Intervene = 3,
}

/// <summary>The hit board's rules: the urgency of each action, and the order of the board's groups.</summary>
public static class HitUrgencies
{
    public static HitUrgency Of(HotlistAction action) => action switch
    {
        HotlistAction.Seize => HitUrgency.Intervene,
        HotlistAction.StopAndCheck or HotlistAction.DiscreetCheck => HitUrgency.Check,
        HotlistAction.ReportOnly => HitUrgency.Report,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not a hotlist action."),
    };

    /// <summary>
    /// The board's order: the more urgent action first, then the latest sighting first, then the entry (so a page never
    /// shifts between two equal groups). Negative when <paramref name="a"/> comes first.
    /// </summary>
    public static int CompareForBoard(HitGroupOrder a, HitGroupOrder b)
    {
        var byUrgency = Of(b.Action).CompareTo(Of(a.Action));
        if (byUrgency != 0)
        {
            return byUrgency;
        }

        var byRecency = b.LastSeen.CompareTo(a.LastSeen);
        return byRecency != 0 ? byRecency : string.CompareOrdinal(a.EntryKey, b.EntryKey);
    }
}

/// <summary>What a group of sightings of one hotlist entry is ordered by: its action, its latest sighting and its entry.</summary>
public readonly record struct HitGroupOrder(HotlistAction Action, DateTimeOffset LastSeen, string EntryKey);

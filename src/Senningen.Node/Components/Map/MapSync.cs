namespace Senningen.Node.Components.Map;

/// <summary>
/// Remembers what the browser's map already shows and computes the difference to the next state, so a page that pushes
/// all units and whole tracks every second sends only moved markers and new track points over the circuit.
/// </summary>
internal sealed class MapSync
{
    private readonly Dictionary<string, MapUnit> _units = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Count, MapPoint Last, MapUnitKind Kind)> _tracks = new(StringComparer.Ordinal);

    public MapChange Next(IReadOnlyList<MapUnit> units, IReadOnlyList<MapTrack> tracks)
    {
        var changedUnits = new List<MapUnitChange>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            if (seen.Add(unit.Id) && (!_units.TryGetValue(unit.Id, out var shown) || shown != unit))
            {
                _units[unit.Id] = unit;
                changedUnits.Add(new MapUnitChange(unit.Id, unit.Lat, unit.Lon, unit.Label, unit.Heading, KindName(unit.Kind)));
            }
        }

        var removedUnits = Forget(_units, seen);
        var changedTracks = new List<MapTrackChange>();
        seen.Clear();
        foreach (var track in tracks)
        {
            if (seen.Add(track.UnitId) && TrackChange(track) is { } change)
            {
                changedTracks.Add(change);
            }
        }

        return new MapChange(changedUnits, removedUnits, changedTracks, Forget(_tracks, seen));
    }

    private MapTrackChange? TrackChange(MapTrack track)
    {
        var points = track.Points;
        var known = _tracks.TryGetValue(track.UnitId, out var shown);
        if (known && shown.Kind == track.Kind && shown.Count <= points.Count && (shown.Count == 0 || points[shown.Count - 1] == shown.Last))
        {
            if (shown.Count == points.Count)
            {
                return null;
            }

            _tracks[track.UnitId] = (points.Count, points[^1], track.Kind);
            return new MapTrackChange(track.UnitId, KindName(track.Kind), points.Skip(shown.Count).ToList(), Replace: false);
        }

        if (!known && points.Count == 0)
        {
            return null;
        }

        _tracks[track.UnitId] = (points.Count, points.Count > 0 ? points[^1] : default, track.Kind);
        return new MapTrackChange(track.UnitId, KindName(track.Kind), points, Replace: true);
    }

    private static List<string> Forget<T>(Dictionary<string, T> shown, HashSet<string> current)
    {
        var gone = shown.Keys.Where(id => !current.Contains(id)).ToList();
        foreach (var id in gone)
        {
            shown.Remove(id);
        }

        return gone;
    }

    // The CSS class suffix in app.css (map-unit-own, map-track-partner, ...).
    private static string KindName(MapUnitKind kind) => kind switch
    {
        MapUnitKind.Partner => "partner",
        MapUnitKind.Alert => "alert",
        _ => "own",
    };
}

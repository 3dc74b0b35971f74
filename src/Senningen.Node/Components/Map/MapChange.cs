namespace Senningen.Node.Components.Map;

/// <summary>What livemap.js's <c>update</c> applies: only the units that moved and the points a track gained.</summary>
internal sealed record MapChange(
    IReadOnlyList<MapUnitChange> Units,
    IReadOnlyList<string> RemovedUnits,
    IReadOnlyList<MapTrackChange> Tracks,
    IReadOnlyList<string> RemovedTracks)
{
    public bool IsEmpty => Units.Count == 0 && RemovedUnits.Count == 0 && Tracks.Count == 0 && RemovedTracks.Count == 0;
}

internal sealed record MapUnitChange(string Id, double Lat, double Lon, string Label, double? Heading, string Kind);

/// <summary>Points to append to a track, or all of them when <see cref="Replace"/> (the track was rewritten).</summary>
internal sealed record MapTrackChange(string Id, string Kind, IReadOnlyList<MapPoint> Points, bool Replace);

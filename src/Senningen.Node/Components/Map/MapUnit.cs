namespace Senningen.Node.Components.Map;

// Public: they are parameters of public Razor components (a component's class is always public).

/// <summary>A unit on the live map: where it is, its call sign, its heading in degrees from north (none when standing).</summary>
public sealed record MapUnit(string Id, double Lat, double Lon, string Label, double? Heading, MapUnitKind Kind);

/// <summary>The path a unit has driven, oldest point first; the page adds points at the end as fixes arrive.</summary>
public sealed record MapTrack(string UnitId, MapUnitKind Kind, IReadOnlyList<MapPoint> Points);

public readonly record struct MapPoint(double Lat, double Lon);

/// <summary>How a unit is drawn: this node's own, a partner's, or one that raised an alert here.</summary>
public enum MapUnitKind
{
    Own,
    Partner,
    Alert,
}

namespace Senningen.Core.Geo;

/// <summary>
/// A named area read from GeoJSON: every ring (outer rings and holes alike) as closed runs of
/// interleaved longitude/latitude pairs. Inside is decided by even-odd over all rings, as NetTopologySuite does.
/// </summary>
public sealed record GeoRegion(string Key, IReadOnlyDictionary<string, string> Properties, IReadOnlyList<double[]> Rings);

/// <summary>A named polyline (a stretch of border) as interleaved longitude/latitude pairs.</summary>
public sealed record GeoLine(string Key, IReadOnlyDictionary<string, string> Properties, double[] Coordinates);

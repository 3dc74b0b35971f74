using System.Runtime.CompilerServices;

namespace Senningen.Core.Geo;

/// <summary>
/// Distances in metres on a local equirectangular projection centred on the query point: within the tens of
/// kilometres that matter at a border it is within 0.1 % of the great circle, and it is cheap enough for many segments.
/// </summary>
internal readonly struct LocalMetres
{
    /// <summary>Metres per degree of latitude on the sphere of radius 6,371,008.8 m used by <see cref="GeoPoint"/>.</summary>
    public const double PerDegree = 6_371_008.8 * Math.PI / 180;

    private readonly double _x;
    private readonly double _y;
    private readonly double _kx;

    public LocalMetres(double longitude, double latitude) =>
        (_x, _y, _kx) = (longitude, latitude, PerDegree * Math.Cos(double.DegreesToRadians(latitude)));

    /// <summary>Metres per degree of longitude at the point: the smaller of the two scales, for lower bounds.</summary>
    public double PerDegreeLongitude => _kx;

    /// <summary>Squared metres to the nearest point of a box of degrees (0 inside it).</summary>
    public double SquaredToBox(double minX, double minY, double maxX, double maxY)
    {
        var dx = Math.Max(0, Math.Max(minX - _x, _x - maxX)) * _kx;
        var dy = Math.Max(0, Math.Max(minY - _y, _y - maxY)) * PerDegree;
        return (dx * dx) + (dy * dy);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double SquaredToSegment(double x1, double y1, double x2, double y2)
    {
        var ax = (x1 - _x) * _kx;
        var ay = (y1 - _y) * PerDegree;
        var dx = ((x2 - _x) * _kx) - ax;
        var dy = ((y2 - _y) * PerDegree) - ay;
        var length = (dx * dx) + (dy * dy);
        var t = length > 0 ? Math.Clamp(-((ax * dx) + (ay * dy)) / length, 0, 1) : 0;
        var cx = ax + (t * dx);
        var cy = ay + (t * dy);
        return (cx * cx) + (cy * cy);
    }
}

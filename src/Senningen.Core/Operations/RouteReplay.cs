using Senningen.Core.Geo;

namespace Senningen.Core.Operations;

/// <summary>How to drive a route: who, from when, how fast, how often a fix, and how noisy the receiver is.</summary>
/// <param name="Unit">The call sign the fixes carry.</param>
/// <param name="Start">Time of the first fix, at the first waypoint.</param>
/// <param name="SpeedKmh">Road speed; null for the route's own.</param>
/// <param name="Interval">Time between fixes; null for one second.</param>
/// <param name="AccuracyMetres">The accuracy every fix reports.</param>
/// <param name="NoiseMetres">Standard deviation of the GPS error added to each fix (0 for none); seeded, so a replay repeats exactly.</param>
/// <param name="Seed">Seed of the noise.</param>
public sealed record ReplayOptions(
    string Unit,
    DateTimeOffset Start,
    double? SpeedKmh = null,
    TimeSpan? Interval = null,
    double AccuracyMetres = 5,
    double NoiseMetres = 0,
    int Seed = 1);

/// <summary>Turns a route into the fixes a unit driving it at a steady speed would send. Pure and deterministic.</summary>
public static class RouteReplay
{
    private const double MetresPerDegree = 111_320;

    /// <summary>
    /// One fix every interval from the first waypoint, advancing along the waypoints at the speed, with the heading of
    /// the segment being driven; the last fix is at the last waypoint, whenever it is reached.
    /// </summary>
    public static IEnumerable<PositionFix> Fixes(PursuitRoute route, ReplayOptions options)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(options);
        var speed = options.SpeedKmh ?? route.SpeedKmh;
        var interval = options.Interval ?? TimeSpan.FromSeconds(1);
        if (speed is not (> 0 and <= 1000) || interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Speed must be in (0, 1000] km/h and the interval positive.");
        }

        return Drive(route.Waypoints, speed, interval, options);
    }

    private static IEnumerable<PositionFix> Drive(IReadOnlyList<GeoPoint> waypoints, double speedKmh, TimeSpan interval, ReplayOptions options)
    {
        var metresPerSecond = speedKmh / 3.6;
        var step = metresPerSecond * interval.TotalSeconds;
        var random = new Random(options.Seed);
        var segment = 0;
        var along = 0.0; // metres from the start of the current segment
        for (long i = 0; ; i++)
        {
            // Skip whole segments the step has passed, including zero-length ones (repeated waypoints); the millimetre
            // absorbs rounding, which would otherwise add a last fix a hair after the one at the end.
            while (segment < waypoints.Count - 1 && along >= waypoints[segment].DistanceMetresTo(waypoints[segment + 1]) - 0.001)
            {
                along -= waypoints[segment].DistanceMetresTo(waypoints[segment + 1]);
                segment++;
            }

            var last = segment == waypoints.Count - 1;
            var from = waypoints[Math.Min(segment, waypoints.Count - 2)];
            var to = waypoints[Math.Min(segment + 1, waypoints.Count - 1)];
            var length = from.DistanceMetresTo(to);
            var point = last ? to : Interpolate(from, to, length == 0 ? 0 : Math.Max(0, along) / length);
            var time = options.Start + (interval * i);
            if (last && along > 0)
            {
                // The end lies between two ticks: stamp it with the time actually needed to reach it.
                time -= TimeSpan.FromSeconds(along / metresPerSecond);
            }

            yield return new PositionFix(options.Unit, Noisy(point, options.NoiseMetres, random), time, speedKmh, Bearing(from, to), options.AccuracyMetres);
            if (last)
            {
                yield break;
            }

            along += step;
        }
    }

    private static GeoPoint Interpolate(GeoPoint a, GeoPoint b, double fraction) =>
        GeoPoint.From(a.Latitude + ((b.Latitude - a.Latitude) * fraction), a.Longitude + ((b.Longitude - a.Longitude) * fraction));

    /// <summary>Initial great-circle bearing in degrees from north, in [0, 360).</summary>
    internal static double Bearing(GeoPoint a, GeoPoint b)
    {
        var lat1 = double.DegreesToRadians(a.Latitude);
        var lat2 = double.DegreesToRadians(b.Latitude);
        var dLon = double.DegreesToRadians(b.Longitude - a.Longitude);
        var y = Math.Sin(dLon) * Math.Cos(lat2);
        var x = (Math.Cos(lat1) * Math.Sin(lat2)) - (Math.Sin(lat1) * Math.Cos(lat2) * Math.Cos(dLon));
        var degrees = double.RadiansToDegrees(Math.Atan2(y, x));
        return (degrees + 360) % 360;
    }

    private static GeoPoint Noisy(GeoPoint point, double sigmaMetres, Random random)
    {
        if (sigmaMetres <= 0)
        {
            return point;
        }

        // Box–Muller: two independent normal offsets, north and east.
        var r = sigmaMetres * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()));
        var (sin, cos) = Math.SinCos(2 * Math.PI * random.NextDouble());
        var north = r * cos / MetresPerDegree;
        var east = r * sin / (MetresPerDegree * Math.Cos(double.DegreesToRadians(point.Latitude)));
        return GeoPoint.TryCreate(point.Latitude + north, point.Longitude + east, out var moved) ? moved.Value : point;
    }
}

using Senningen.Core.Countries;
using Senningen.Core.Geo;

namespace Senningen.Bench.Operations;

/// <summary>
/// Where each simulated unit is at a given second. A lead unit drives the E19 from BE (51.460, 4.740) towards NL
/// (51.520, 4.765), timed to reach the border at its own moment (parked at the start of the road before, at its end
/// after); the others shuttle along a stretch of road in BE a few kilometres south of the border. Checked against the
/// node's own locator at setup, so a change in the shipped borders fails the run instead of skewing it.
/// </summary>
internal sealed class Tracks
{
    public const double LeadMetresPerSecond = 25;
    private const double PatrolMetresPerSecond = 15;
    private static readonly (double Lat, double Lon) RoadStart = (51.460, 4.740);
    private static readonly (double Lat, double Lon) RoadEnd = (51.520, 4.765);
    private static readonly (double Lat, double Lon) PatrolStart = (51.400, 4.715);
    private static readonly (double Lat, double Lon) PatrolEnd = (51.455, 4.738);

    private readonly double _roadMetres;
    private readonly double _borderMetres;
    private readonly double _patrolMetres;

    private Tracks(double roadMetres, double borderMetres, double patrolMetres) =>
        (_roadMetres, _borderMetres, _patrolMetres) = (roadMetres, borderMetres, patrolMetres);

    /// <summary>Finds where the road crosses into NL (bisection on the locator) and checks that the patrol stretch is all in BE.</summary>
    public static Tracks Check(IGeoLocator locator)
    {
        var be = CountryCode.Parse("BE");
        var nl = CountryCode.Parse("NL");
        if (locator.Locate(Point(RoadStart, RoadEnd, 0)).Country != be || locator.Locate(Point(RoadStart, RoadEnd, 1)).Country != nl)
        {
            throw new InvalidOperationException("The E19 road of the operations bench no longer runs from BE into NL in the shipped borders.");
        }

        var (low, high) = (0.0, 1.0);
        for (var i = 0; i < 40; i++)
        {
            var mid = (low + high) / 2;
            (low, high) = locator.Locate(Point(RoadStart, RoadEnd, mid)).Country == be ? (mid, high) : (low, mid);
        }

        for (var f = 0.0; f <= 1.0; f += 0.01)
        {
            var where = locator.Locate(Point(PatrolStart, PatrolEnd, f));
            if (where.Country != be || where.BorderDistanceMetres < 100)
            {
                throw new InvalidOperationException($"The patrol stretch of the operations bench leaves BE or comes within 100 m of a border at {f:P0}.");
            }
        }

        var road = Metres(RoadStart, RoadEnd);
        return new Tracks(road, low * road, Metres(PatrolStart, PatrolEnd));
    }

    /// <summary>Metres of road from the start to the border.</summary>
    public double BorderMetres => _borderMetres;

    /// <summary>Seconds a lead unit spends driving from the start of the road to the border.</summary>
    public double SecondsToBorder => _borderMetres / LeadMetresPerSecond;

    /// <summary>A lead unit that reaches the border at <paramref name="borderAt"/> seconds into the run.</summary>
    public (double Lat, double Lon) Lead(double borderAt, double t)
    {
        var metres = Math.Clamp(_borderMetres + (LeadMetresPerSecond * (t - borderAt)), 0, _roadMetres);
        return At(RoadStart, RoadEnd, metres / _roadMetres);
    }

    /// <summary>A unit shuttling up and down the patrol stretch, starting <paramref name="phase"/> (0–1) of the way along.</summary>
    public (double Lat, double Lon) Patrol(double phase, double t)
    {
        var along = ((phase * 2 * _patrolMetres) + (PatrolMetresPerSecond * t)) % (2 * _patrolMetres);
        var metres = along <= _patrolMetres ? along : (2 * _patrolMetres) - along;
        return At(PatrolStart, PatrolEnd, metres / _patrolMetres);
    }

    private static GeoPoint Point((double Lat, double Lon) from, (double Lat, double Lon) to, double f)
    {
        var (lat, lon) = At(from, to, f);
        return GeoPoint.From(lat, lon);
    }

    private static (double Lat, double Lon) At((double Lat, double Lon) from, (double Lat, double Lon) to, double f) =>
        (from.Lat + (f * (to.Lat - from.Lat)), from.Lon + (f * (to.Lon - from.Lon)));

    private static double Metres((double Lat, double Lon) from, (double Lat, double Lon) to) =>
        Math.Sqrt(Math.Pow((to.Lat - from.Lat) * 111_200, 2) + Math.Pow((to.Lon - from.Lon) * 111_200 * Math.Cos(from.Lat * Math.PI / 180), 2));
}

using Senningen.Core.Countries;
using Senningen.Core.Geo;
using Senningen.Core.Operations;

namespace Senningen.Core.Tests.Operations;

/// <summary>
/// A synthetic world for the hysteresis cases: BE west of a meridian, NL east of it; NL is split into two zones at a
/// latitude, so zone changes can be driven too. Points are made from metres east of the border and metres north of an origin.
/// </summary>
internal sealed class StraightBorder : IGeoLocator
{
    public const double BorderLongitude = 4.8;
    public const double OriginLatitude = 51.45;
    public const double ZoneSplitLatitude = 51.5;
    private const double MetresPerDegreeLat = 111_320;
    private static readonly double MetresPerDegreeLon = MetresPerDegreeLat * Math.Cos(double.DegreesToRadians(OriginLatitude));

    public static DateTimeOffset T0 { get; } = new(2026, 3, 14, 22, 0, 0, TimeSpan.Zero);

    public static GeoPoint At(double metresEast, double metresNorth = 0) =>
        GeoPoint.From(OriginLatitude + (metresNorth / MetresPerDegreeLat), BorderLongitude + (metresEast / MetresPerDegreeLon));

    public static PositionFix Fix(int second, double metresEast, double metresNorth = 0, double? accuracy = 5, string unit = "BRAVO-1") =>
        new(unit, At(metresEast, metresNorth), T0.AddSeconds(second), 50, 90, accuracy);

    public GeoLocation Locate(GeoPoint point)
    {
        var east = (point.Longitude - BorderLongitude) * MetresPerDegreeLon;
        if (east < 0)
        {
            return new GeoLocation(CountryCode.Belgium, null, "BE-VAN", false, -east, "BE|NL");
        }

        var zone = point.Latitude < ZoneSplitLatitude ? "NL-RE08" : "NL-RE09";
        return new GeoLocation(CountryCode.Netherlands, null, zone, false, east, "BE|NL");
    }
}

/// <summary>A locator given by a function, for the odd places: shared waters, the open sea.</summary>
internal sealed class FuncLocator(Func<GeoPoint, GeoLocation> locate) : IGeoLocator
{
    public GeoLocation Locate(GeoPoint point) => locate(point);
}

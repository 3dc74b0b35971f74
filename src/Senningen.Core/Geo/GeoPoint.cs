using System.Diagnostics.CodeAnalysis;

namespace Senningen.Core.Geo;

/// <summary>A WGS84 position in degrees. Built only through <see cref="TryCreate"/>, so a value in hand is in range and finite.</summary>
public readonly record struct GeoPoint
{
    private GeoPoint(double latitude, double longitude)
    {
        Latitude = latitude;
        Longitude = longitude;
    }

    /// <summary>The largest latitude, in degrees either side of the equator; the smallest is its negative.</summary>
    public const double MaxLatitude = 90;

    /// <summary>The largest longitude, in degrees either side of Greenwich; the smallest is its negative.</summary>
    public const double MaxLongitude = 180;

    public double Latitude { get; }

    public double Longitude { get; }

    /// <summary>Accepts latitude in [-90, 90] and longitude in [-180, 180]; rejects NaN and infinities.</summary>
    public static bool TryCreate(double latitude, double longitude, [NotNullWhen(true)] out GeoPoint? point)
    {
        point = null;
        if (!double.IsFinite(latitude) || !double.IsFinite(longitude) || latitude is < -MaxLatitude or > MaxLatitude || longitude is < -MaxLongitude or > MaxLongitude)
        {
            return false;
        }

        point = new GeoPoint(latitude, longitude);
        return true;
    }

    /// <summary>For callers that have already validated the values (shipped data, tests); throws on bad input.</summary>
    public static GeoPoint From(double latitude, double longitude) =>
        TryCreate(latitude, longitude, out var p) ? p.Value : throw new ArgumentOutOfRangeException(nameof(latitude), "Not a WGS84 position.");

    /// <summary>Great-circle distance in metres (haversine on a sphere of radius 6,371,008.8 m).</summary>
    public double DistanceMetresTo(GeoPoint other)
    {
        const double r = 6_371_008.8;
        var dLat = double.DegreesToRadians(other.Latitude - Latitude);
        var dLon = double.DegreesToRadians(other.Longitude - Longitude);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) +
                Math.Cos(double.DegreesToRadians(Latitude)) * Math.Cos(double.DegreesToRadians(other.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * r * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}

using Senningen.Core.Countries;
using Senningen.Core.Geo;
using Senningen.Core.Treaty;

namespace Senningen.Core.Operations;

/// <summary>
/// A shipped track for the simulator and the demo: who drives it, why, how fast, and the waypoints along the road.
/// Built only by <see cref="RouteFile.Parse"/>, so a route in hand has a name in every language and at least two waypoints.
/// </summary>
public sealed record PursuitRoute(
    string Id,
    LocalizedText Name,
    CountryCode HomeCountry,
    string? HomeZone,
    RouteUnit Unit,
    IReadOnlyList<string> Vehicles,
    LocalizedText Suspect,
    LocalizedText Reason,
    double SpeedKmh,
    IReadOnlyList<GeoPoint> Waypoints)
{
    /// <summary>The length along the waypoints, in metres.</summary>
    public double LengthMetres()
    {
        double total = 0;
        for (var i = 1; i < Waypoints.Count; i++)
        {
            total += Waypoints[i - 1].DistanceMetresTo(Waypoints[i]);
        }

        return total;
    }
}

/// <summary>The unit that drives a route by default.</summary>
public sealed record RouteUnit(string CallSign, string Vehicle, int Officers);

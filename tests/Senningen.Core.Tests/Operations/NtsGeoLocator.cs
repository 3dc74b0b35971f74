using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.IO.Converters;
using Senningen.Core.Countries;
using Senningen.Core.Geo;

namespace Senningen.Core.Tests.Operations;

/// <summary>
/// A plain, test-only <see cref="IGeoLocator"/> over the shipped GeoJSON with NetTopologySuite, as the oracle for the
/// real-geometry tests until the production GeoIndex lands. Countries are tried parties first, so in the LU–DE condominium
/// the point is in LU, also in DE. Border distances are measured in a local equirectangular projection around the point;
/// <see cref="GeoLocation.NearestBorder"/> is not computed.
/// </summary>
internal sealed class NtsGeoLocator : IGeoLocator
{
    private const double MetresPerDegree = 111_320;
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };
    private static readonly Lazy<NtsGeoLocator> Instance = new(() => Load(RepositoryRoot()));
    private readonly List<(CountryCode Code, IPreparedGeometry Area, STRtree<LineSegment> Border)> _countries = [];
    private readonly List<(string Zone, string Country, Geometry Area, IPreparedGeometry Prepared)> _zones = [];

    private NtsGeoLocator()
    {
    }

    public static NtsGeoLocator Shared => Instance.Value;

    public GeoLocation Locate(GeoPoint point)
    {
        var p = new Point(point.Longitude, point.Latitude);
        CountryCode? country = null;
        CountryCode? alsoIn = null;
        STRtree<LineSegment>? border = null;
        foreach (var (code, area, segments) in _countries)
        {
            if (!area.Contains(p))
            {
                continue;
            }

            if (country is null)
            {
                country = code;
                border = segments;
            }
            else
            {
                alsoIn ??= code;
            }
        }

        if (country is not { } found)
        {
            return new GeoLocation(null, null, null, false, 0, null);
        }

        var (zone, nearest) = Zone(found, p);
        return new GeoLocation(found, alsoIn, zone, nearest, Distance(border!, point), null);
    }

    private (string? Zone, bool Nearest) Zone(CountryCode country, Point p)
    {
        if (!country.IsTreatyParty)
        {
            return (null, false);
        }

        string? closest = null;
        var best = double.MaxValue;
        foreach (var (zone, code, area, prepared) in _zones)
        {
            if (code != country.Value)
            {
                continue;
            }

            if (prepared.Contains(p))
            {
                return (zone, false);
            }

            var d = area.Distance(p);
            if (d < best)
            {
                (best, closest) = (d, zone);
            }
        }

        return (closest, true);
    }

    /// <summary>Widens a box around the point until the nearest segment found is nearer than the box's edge, so it is the nearest of all.</summary>
    private static double Distance(STRtree<LineSegment> border, GeoPoint point)
    {
        var cos = Math.Cos(double.DegreesToRadians(point.Latitude));
        for (var halfDegrees = 0.005; ; halfDegrees *= 2)
        {
            var box = new Envelope(point.Longitude - (halfDegrees / cos), point.Longitude + (halfDegrees / cos), point.Latitude - halfDegrees, point.Latitude + halfDegrees);
            var best = double.MaxValue;
            foreach (var segment in border.Query(box))
            {
                var local = new LineSegment(
                    (segment.P0.X - point.Longitude) * cos * MetresPerDegree, (segment.P0.Y - point.Latitude) * MetresPerDegree,
                    (segment.P1.X - point.Longitude) * cos * MetresPerDegree, (segment.P1.Y - point.Latitude) * MetresPerDegree);
                best = Math.Min(best, local.Distance(new Coordinate(0, 0)));
            }

            if (best <= halfDegrees * MetresPerDegree || halfDegrees > 5)
            {
                return best;
            }
        }
    }

    private static NtsGeoLocator Load(string root)
    {
        var locator = new NtsGeoLocator();
        var countries = Read(Path.Combine(root, "data/geo/countries/osm_countries_BE_NL_LU_FR_DE_10m.geojson"));
        foreach (var code in CountryCode.All)
        {
            var feature = countries.First(f => (string)f.Attributes["iso_a2"] == code.Value);
            var border = new STRtree<LineSegment>();
            foreach (var ring in Rings(feature.Geometry))
            {
                var c = ring.Coordinates;
                for (var i = 1; i < c.Length; i++)
                {
                    var segment = new LineSegment(c[i - 1], c[i]);
                    border.Insert(new Envelope(c[i - 1], c[i]), segment);
                }
            }

            border.Build();
            locator._countries.Add((code, PreparedGeometryFactory.Prepare(feature.Geometry), border));
        }

        foreach (var zone in Read(Path.Combine(root, "data/geo/combined/control_room_zones_BE_NL_LU.geojson")))
        {
            locator._zones.Add(((string)zone.Attributes["zone_id"], (string)zone.Attributes["country"], zone.Geometry, PreparedGeometryFactory.Prepare(zone.Geometry)));
        }

        return locator;
    }

    private static IEnumerable<LineString> Rings(Geometry geometry)
    {
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            var polygon = (Polygon)geometry.GetGeometryN(i);
            yield return polygon.ExteriorRing;
            foreach (var hole in polygon.InteriorRings)
            {
                yield return hole;
            }
        }
    }

    private static FeatureCollection Read(string path)
    {
        return JsonSerializer.Deserialize<FeatureCollection>(File.ReadAllText(path), GeoJson)
            ?? throw new InvalidDataException($"{path} is not a feature collection.");
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Senningen.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No Senningen.slnx above the test output directory.");
    }
}

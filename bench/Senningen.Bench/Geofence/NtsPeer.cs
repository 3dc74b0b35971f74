using System.Text.Json;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.IO.Converters;
using Senningen.Core.Countries;

namespace Senningen.Bench.Geofence;

/// <summary>
/// The peer: NetTopologySuite as one would use it for this job, on the same country polygons. The prepared-geometry
/// path (an STRtree of prepared polygons by envelope, then <c>Covers</c> on each candidate) is the one the issue names;
/// the locator path (one <c>IndexedPointInAreaLocator</c> per country behind an envelope test) is NTS's fastest way,
/// shown too so the ratio is not flattered by the point objects the prepared path allocates.
/// </summary>
internal sealed class NtsPeer
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    private readonly GeometryFactory _factory = new(new PrecisionModel(), 4326);
    private readonly STRtree<(int Bit, IPreparedGeometry Geometry)> _tree = new();
    private readonly (int Bit, Envelope Envelope, IndexedPointInAreaLocator Locator)[] _locators;

    public NtsPeer(string countriesGeoJson)
    {
        var features = JsonSerializer.Deserialize<FeatureCollection>(countriesGeoJson, GeoJson)!;
        var countries = CountryCode.All.Select((code, bit) => (bit, features.Single(f => (string)f.Attributes["iso_a2"] == code.Value).Geometry)).ToList();
        foreach (var (bit, geometry) in countries)
        {
            _tree.Insert(geometry.EnvelopeInternal, (bit, PreparedGeometryFactory.Prepare(geometry)));
        }

        _tree.Build();
        _locators = [.. countries.Select(c => (c.bit, c.Geometry.EnvelopeInternal, new IndexedPointInAreaLocator(c.Geometry)))];
    }

    /// <summary>Country bits of the point by STRtree + prepared <c>Covers</c> (boundary counts, as in GeoIndex).</summary>
    public int MaskByPrepared(double lat, double lon)
    {
        var point = _factory.CreatePoint(new Coordinate(lon, lat));
        var mask = 0;
        foreach (var (bit, geometry) in _tree.Query(point.EnvelopeInternal))
        {
            if (geometry.Covers(point))
            {
                mask |= 1 << bit;
            }
        }

        return mask;
    }

    /// <summary>Country bits by envelope test + <c>IndexedPointInAreaLocator</c>, without allocating a geometry.</summary>
    public int MaskByLocator(double lat, double lon)
    {
        var coordinate = new Coordinate(lon, lat);
        var mask = 0;
        foreach (var (bit, envelope, locator) in _locators)
        {
            if (envelope.Intersects(coordinate) && locator.Locate(coordinate) != Location.Exterior)
            {
                mask |= 1 << bit;
            }
        }

        return mask;
    }
}

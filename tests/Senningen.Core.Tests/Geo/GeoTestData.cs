using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Senningen.Core.Geo;
using System.Text.Json;

namespace Senningen.Core.Tests.Geo;

/// <summary>The shipped layers, read once: the index under test and NetTopologySuite's locators as the oracle.</summary>
internal static class GeoTestData
{
    private static readonly Lazy<GeoIndex> LazyIndex = new(() => GeoIndex.Create(Read(CountriesFile), Read(ZonesFile), Read(BordersFile)));
    private static readonly Lazy<IReadOnlyList<(string Key, Geometry Geometry)>> LazyNtsCountries = new(() => ReadNts(CountriesFile, "iso_a2"));
    private static readonly Lazy<IReadOnlyList<(string Key, Geometry Geometry)>> LazyNtsZones = new(() => ReadNts(ZonesFile, "zone_id"));

    public const string CountriesFile = "countries/osm_countries_BE_NL_LU_FR_DE_10m.geojson";
    public const string ZonesFile = "combined/control_room_zones_BE_NL_LU.geojson";
    public const string BordersFile = "countries/osm_border_lines_BE_NL_LU.geojson";

    public static GeoIndex Index => LazyIndex.Value;

    /// <summary>Country geometries in file order, keyed by ISO code.</summary>
    public static IReadOnlyList<(string Key, Geometry Geometry)> NtsCountries => LazyNtsCountries.Value;

    /// <summary>Zone geometries in file order, keyed by zone id.</summary>
    public static IReadOnlyList<(string Key, Geometry Geometry)> NtsZones => LazyNtsZones.Value;

    public static string Read(string relative) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "geo", relative));

    public static IReadOnlyList<GeoRegion> Regions(string relative, string key) => GeoJsonShapes.ReadRegions(Read(relative), key);

    private static readonly JsonSerializerOptions NtsJson = new() { Converters = { new GeoJsonConverterFactory() } };

    private static List<(string, Geometry)> ReadNts(string relative, string key)
    {
        var collection = JsonSerializer.Deserialize<FeatureCollection>(Read(relative), NtsJson)!;
        return [.. collection.Select(f => ((string)f.Attributes[key], f.Geometry))];
    }

    /// <summary>NetTopologySuite's exact point-in-area test; "covers" = interior or boundary.</summary>
    public static Func<double, double, bool> Covers(Geometry geometry)
    {
        var locator = new IndexedPointInAreaLocator(geometry);
        var envelope = geometry.EnvelopeInternal;
        return (lon, lat) => envelope.Intersects(lon, lat) && locator.Locate(new Coordinate(lon, lat)) != Location.Exterior;
    }
}

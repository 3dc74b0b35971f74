using FsCheck;
using FsCheck.Fluent;
using Senningen.Core.Countries;
using Senningen.Core.Geo;

namespace Senningen.Core.Tests.Geo;

/// <summary>
/// The index against NetTopologySuite's exact point-in-area test (<c>IndexedPointInAreaLocator</c>, counted as
/// "covers": interior or boundary, the index's boundary rule) on the shipped polygons: millions of seeded random points
/// over the Benelux, and points on and within a hair of the edges, where a grid or a rounding error would show.
/// </summary>
public sealed class GeoIndexMatchesNetTopologySuiteTests
{
    // The bounding box of BE, NL and LU with their territorial seas.
    private const double MinLat = 49.44, MaxLat = 53.75, MinLon = 2.38, MaxLon = 7.23;

    private static readonly Lazy<Func<double, double, bool>[]> Countries = new(() =>
        [.. CountryCode.All.Select(c => GeoTestData.Covers(GeoTestData.NtsCountries.Single(n => n.Key == c.Value).Geometry))]);

    private static readonly Lazy<Func<double, double, bool>[]> Zones = new(() =>
        [.. GeoTestData.Index.ZoneIds.Select(z => GeoTestData.Covers(GeoTestData.NtsZones.Single(n => n.Key == z).Geometry))]);

    [Fact]
    public void CountryMaskAt_TwoMillionRandomPointsOverTheBenelux_MatchesNetTopologySuite()
    {
        var random = new Random(20261123);
        var mismatches = new List<string>();
        for (var i = 0; i < 2_000_000; i++)
        {
            CheckCountries(MinLat + (random.NextDouble() * (MaxLat - MinLat)), MinLon + (random.NextDouble() * (MaxLon - MinLon)), mismatches);
        }

        mismatches.ShouldBeEmpty();
    }

    [Fact]
    public void ZoneMaskAt_OneMillionRandomPointsOverTheBenelux_MatchesNetTopologySuite()
    {
        var random = new Random(4);
        var mismatches = new List<string>();
        for (var i = 0; i < 1_000_000; i++)
        {
            CheckZones(MinLat + (random.NextDouble() * (MaxLat - MinLat)), MinLon + (random.NextDouble() * (MaxLon - MinLon)), mismatches);
        }

        mismatches.ShouldBeEmpty();
    }

    [Fact]
    public void CountryAndZoneMasks_OnEveryVertexAndOnAndBesideEveryEdge_MatchNetTopologySuite()
    {
        var random = new Random(7);
        var mismatches = new List<string>();
        foreach (var (layer, check) in new (string, Action<double, double, List<string>>)[]
                 {
                     (GeoTestData.CountriesFile, CheckCountries), (GeoTestData.ZonesFile, CheckZones),
                 })
        {
            foreach (var region in GeoTestData.Regions(layer, layer == GeoTestData.CountriesFile ? "iso_a2" : "zone_id"))
            {
                foreach (var ring in region.Rings)
                {
                    for (var i = 0; i + 3 < ring.Length; i += 2)
                    {
                        var (x1, y1, x2, y2) = (ring[i], ring[i + 1], ring[i + 2], ring[i + 3]);
                        if (!InBox(y1, x1))
                        {
                            continue;
                        }

                        // The vertex (on the boundary), the computed midpoint (on it or a rounding off it), and points beside the edge.
                        check(y1, x1, mismatches);
                        check((y1 + y2) / 2, (x1 + x2) / 2, mismatches);
                        var t = random.NextDouble();
                        var offset = Math.Pow(10, -5 - (random.NextDouble() * 8)) * (random.Next(2) == 0 ? -1 : 1);
                        check(y1 + (t * (y2 - y1)) + offset, x1 + (t * (x2 - x1)) - offset, mismatches);
                    }
                }
            }
        }

        mismatches.ShouldBeEmpty();
    }

    /// <summary>FsCheck picks an edge of BE, NL or LU, a place along it and an offset of up to a nanodegree; shrinking names a bad one.</summary>
    [FsCheck.Xunit.Property(MaxTest = 20_000, Replay = "(20261123,1)")]
    public Property CountryMaskAt_PointsWithinAHairOfAnEdge_MatchNetTopologySuite(NonNegativeInt edge, NonNegativeInt along, int across)
    {
        var edges = PartyEdges.Value;
        var (x1, y1, x2, y2) = edges[edge.Get % edges.Length];
        var t = (along.Get % 1001) / 1000.0;
        var mismatches = new List<string>();
        CheckCountries(y1 + (t * (y2 - y1)) + (across % 1001 * 1e-12), x1 + (t * (x2 - x1)), mismatches);
        return mismatches.Count.Equals(0).Label(string.Join("; ", mismatches));
    }

    private static readonly Lazy<(double, double, double, double)[]> PartyEdges = new(() =>
        [.. GeoTestData.Regions(GeoTestData.CountriesFile, "iso_a2").Where(r => r.Key is "BE" or "NL" or "LU").SelectMany(r => r.Rings)
            .SelectMany(r => Enumerable.Range(0, (r.Length / 2) - 1).Select(i => (r[2 * i], r[(2 * i) + 1], r[(2 * i) + 2], r[(2 * i) + 3])))]);

    private static bool InBox(double lat, double lon) => lat is >= MinLat and <= MaxLat && lon is >= MinLon and <= MaxLon;

    private static void CheckCountries(double lat, double lon, List<string> mismatches)
    {
        var expected = CountryMask.None;
        var countries = Countries.Value;
        for (var c = 0; c < countries.Length; c++)
        {
            if (countries[c](lon, lat))
            {
                expected |= (CountryMask)(1 << c);
            }
        }

        var actual = GeoTestData.Index.CountryMaskAt(lat, lon);
        if (actual != expected && mismatches.Count < 20)
        {
            mismatches.Add($"({lat:R}, {lon:R}): index {actual}, NetTopologySuite {expected}");
        }
    }

    private static void CheckZones(double lat, double lon, List<string> mismatches)
    {
        uint expected = 0;
        var zones = Zones.Value;
        for (var z = 0; z < zones.Length; z++)
        {
            if (zones[z](lon, lat))
            {
                expected |= 1u << z;
            }
        }

        var actual = GeoTestData.Index.ZoneMaskAt(lat, lon);
        if (actual != expected && mismatches.Count < 20)
        {
            mismatches.Add($"({lat:R}, {lon:R}): index zones {actual:X}, NetTopologySuite {expected:X}");
        }
    }
}

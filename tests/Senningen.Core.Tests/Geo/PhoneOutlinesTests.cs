using Senningen.Core.Geo;

namespace Senningen.Core.Tests.Geo;

/// <summary>
/// The phone's simplified outlines against the full-resolution engine: the places officers are tested at come out the
/// same, and a point is ever misplaced only within a bound of the true boundary (the figure the README states).
/// </summary>
public sealed class PhoneOutlinesTests(ITestOutputHelper output)
{
    /// <summary>The README's bound: the tolerance plus the 1e-5° rounding (measured 14.9 m at 15 m over 90,355 points).</summary>
    public const double ErrorBoundMetres = PhoneOutlines.DefaultToleranceMetres + 1;

    private static readonly Lazy<IReadOnlyList<GeoRegion>> FullCountries = new(() => GeoTestData.Regions(GeoTestData.CountriesFile, "iso_a2"));
    private static readonly Lazy<IReadOnlyList<GeoRegion>> FullZones = new(() => GeoTestData.Regions(GeoTestData.ZonesFile, "zone_id"));

    private static readonly Lazy<PhoneOutlines> Outlines = new(() => PhoneOutlines.Build(
        FullCountries.Value, FullZones.Value, GeoJsonShapes.ReadLines(GeoTestData.Read(GeoTestData.BordersFile), "pair")));

    private static readonly Lazy<GeoIndex> Simplified = new(() =>
        GeoIndex.Create(Outlines.Value.Countries, Outlines.Value.Zones, Outlines.Value.Borders, GridBox.Benelux));

    [Theory]
    [InlineData(51.437554, 4.92965, "BE", "BE-VAN")]
    [InlineData(51.407054, 4.933318, "BE", "BE-VAN")]
    [InlineData(51.439545, 4.923369, "NL", "NL-RE08")]
    [InlineData(51.448754, 4.941862, "NL", "NL-RE08")]
    [InlineData(50.8514, 5.6910, "NL", "NL-RE10")]
    [InlineData(49.6833, 5.8167, "BE", "BE-WLX")]
    [InlineData(49.6116, 6.1319, "LU", "LU")]
    public void Locate_HeldPoint_GivesTheSameCountryAndZoneAsTheFullEngine(double lat, double lon, string country, string zone)
    {
        var full = GeoTestData.Index.Locate(GeoPoint.From(lat, lon));
        var phone = Simplified.Value.Locate(GeoPoint.From(lat, lon));

        full.Country!.Value.Value.ShouldBe(country);
        full.ZoneId.ShouldBe(zone);
        phone.Country.ShouldBe(full.Country);
        phone.ZoneId.ShouldBe(full.ZoneId);
    }

    [Fact]
    public void Locate_NearEveryBoundaryAndAcrossTheBenelux_MisplacesAPointOnlyWithinTheBoundOfTheTrueBoundary()
    {
        var worst = 0.0;
        var compared = 0;
        var misplaced = 0;
        foreach (var (lat, lon) in SamplePoints())
        {
            compared++;
            var point = GeoPoint.From(lat, lon);
            var full = GeoTestData.Index.Locate(point);
            var phone = Simplified.Value.Locate(point);
            if (full.Country == phone.Country && (full.ZoneId == phone.ZoneId || full.ZoneIsNearest || phone.ZoneIsNearest))
            {
                continue;
            }

            misplaced++;
            worst = Math.Max(worst, DistanceToTrueBoundary(lon, lat, full, phone));
        }

        output.WriteLine($"tolerance {Outlines.Value.ToleranceMetres} m: {compared:N0} points, {misplaced:N0} misplaced, worst {worst:F1} m from the true boundary; bundle outlines {Outlines.Value.Json.Length:N0} bytes");
        misplaced.ShouldBeGreaterThan(0, "the sample must reach the boundaries, or the bound is not measured");
        worst.ShouldBeLessThanOrEqualTo(ErrorBoundMetres);
    }

    [Fact]
    public void Json_CarriesOnlyTheTreatyPartiesCountries_AndEveryZoneAndBorder()
    {
        using var json = System.Text.Json.JsonDocument.Parse(Outlines.Value.Json);

        json.RootElement.GetProperty("countries").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ShouldBe(["BE", "NL", "LU"], ignoreOrder: true);
        json.RootElement.GetProperty("zones").GetArrayLength().ShouldBe(Outlines.Value.Zones.Count);
        json.RootElement.GetProperty("borders").GetArrayLength().ShouldBe(Outlines.Value.Borders.Count);
    }

    // Points a few metres either side of the full-resolution zone outlines (every 7th vertex), and a 0.02° grid over the box.
    private static IEnumerable<(double Lat, double Lon)> SamplePoints()
    {
        double[] offsets = [-40, -25, -15, -8, -3, 3, 8, 15, 25, 40];
        foreach (var zone in FullZones.Value)
        {
            foreach (var ring in zone.Rings)
            {
                for (var i = 0; i + 3 < ring.Length; i += 14)
                {
                    var (x1, y1, x2, y2) = (ring[i], ring[i + 1], ring[i + 2], ring[i + 3]);
                    var kx = Math.Cos(double.DegreesToRadians(y1));
                    var (dx, dy) = ((x2 - x1) * kx, y2 - y1);
                    var length = Math.Sqrt((dx * dx) + (dy * dy));
                    if (length == 0)
                    {
                        continue;
                    }

                    foreach (var metres in offsets)
                    {
                        var degrees = metres / 111_195.0;
                        yield return (y1 + (dx / length * degrees), x1 - (dy / length * degrees / kx));
                    }
                }
            }
        }

        var box = GridBox.Benelux;
        for (var lat = box.MinLatitude; lat <= box.MaxLatitude; lat += 0.02)
        {
            for (var lon = box.MinLongitude; lon <= box.MaxLongitude; lon += 0.02)
            {
                yield return (lat, lon);
            }
        }
    }

    // How far the point would have to move for the full engine to agree with the phone: to the boundary of the true area.
    private static double DistanceToTrueBoundary(double lon, double lat, GeoLocation full, GeoLocation phone)
    {
        var regions = full.Country != phone.Country
            ? FullCountries.Value.Where(c => Matches(c.Key, full.Country) || Matches(c.Key, phone.Country))
            : FullZones.Value.Where(z => z.Key == full.ZoneId || z.Key == phone.ZoneId);
        var best = double.PositiveInfinity;
        foreach (var ring in regions.SelectMany(r => r.Rings))
        {
            for (var i = 0; i + 3 < ring.Length; i += 2)
            {
                best = Math.Min(best, SegmentMetres(lon, lat, ring[i], ring[i + 1], ring[i + 2], ring[i + 3]));
            }
        }

        return best;
    }

    private static bool Matches(string key, Senningen.Core.Countries.CountryCode? country) =>
        country is { } c && string.Equals(key, c.Value, StringComparison.OrdinalIgnoreCase);

    private static double SegmentMetres(double px, double py, double x1, double y1, double x2, double y2)
    {
        const double m = 111_195.0;
        var kx = Math.Cos(double.DegreesToRadians(py)) * m;
        var (ax, ay) = ((x1 - px) * kx, (y1 - py) * m);
        var (dx, dy) = (((x2 - px) * kx) - ax, ((y2 - py) * m) - ay);
        var length = (dx * dx) + (dy * dy);
        var t = length > 0 ? Math.Clamp(-((ax * dx) + (ay * dy)) / length, 0, 1) : 0;
        var (cx, cy) = (ax + (t * dx), ay + (t * dy));
        return Math.Sqrt((cx * cx) + (cy * cy));
    }
}

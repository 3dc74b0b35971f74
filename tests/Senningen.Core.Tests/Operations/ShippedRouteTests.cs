using Senningen.Core.Operations;

namespace Senningen.Core.Tests.Operations;

/// <summary>The shipped routes driven through the detector over the shipped borders and zones.</summary>
public sealed class ShippedRouteTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 21, 30, 0, TimeSpan.FromHours(2));

    private static (UnitTrackState State, List<BorderCrossing> Crossings) Drive(string id, double noiseMetres = 0, int seed = 1)
    {
        var route = RealGeography.Route(id);
        var detector = new CrossingDetector(RealGeography.Locator, CrossingRules.Default);
        var crossings = new List<BorderCrossing>();
        var fixes = RouteReplay.Fixes(route, new ReplayOptions(route.Unit.CallSign, Start, NoiseMetres: noiseMetres, Seed: seed));
        var state = detector.Feed(default, fixes, crossings);
        return (state, crossings);
    }

    private static string Sequence(IEnumerable<BorderCrossing> crossings) =>
        string.Join(" ", crossings.Where(c => c.IsCountryChange).Select(c => $"{c.From}>{c.To}"));

    private static string Zones(IEnumerable<BorderCrossing> crossings) =>
        string.Join(" ", crossings.Select(c => $"{c.FromZone}>{c.ToZone}"));

    [Theory]
    [InlineData("e19-antwerpen-breda", "BE>NL", "BE-VAN>NL-RE08", 51.4892, 4.7450)] // Meer – Hazeldonk
    [InlineData("a2-maastricht-liege", "NL>BE", "NL-RE10>BE-VLI BE-VLI>BE-WLG", 50.7601, 5.7141)] // Eijsden – Moelingen (Voeren), then Visé
    [InlineData("e411-arlon-luxembourg", "BE>LU", "BE-WLX>LU", 49.6587, 5.9038)] // Sterpenich – Steinfort
    public void Replay_MotorwayRoute_CrossesItsBorderOnceWhereExpected_AndChangesZoneAsExpected(string id, string countries, string zones, double lat, double lon)
    {
        var route = RealGeography.Route(id);

        var (state, crossings) = Drive(id);

        Sequence(crossings).ShouldBe(countries);
        Zones(crossings).ShouldBe(zones);
        crossings.First(c => c.IsCountryChange).Point.DistanceMetresTo(Senningen.Core.Geo.GeoPoint.From(lat, lon)).ShouldBeLessThan(100);
        RealGeography.Locator.Locate(route.Waypoints[0]).Country.ShouldBe(route.HomeCountry);
        state.Country.ShouldBe(countries[^2..]);
    }

    /// <summary>
    /// Where the shipped polygons put the unit driving north from the Belgian main territory through Baarle: into NL, through
    /// the enclave south of the village, into the large enclave (H1), across two Dutch counter-enclaves inside it, out into NL,
    /// into the enclave band along the Alphen road and out. The latitudes are those of the first fix in each new country.
    /// </summary>
    private static readonly (string To, double Lat)[] BaarleSequence =
    [
        ("NL", 51.39995), ("BE", 51.40532), ("NL", 51.40883), ("BE", 51.43062), ("NL", 51.43459), ("BE", 51.43646),
        ("NL", 51.43885), ("BE", 51.44005), ("NL", 51.44326), ("BE", 51.44698), ("NL", 51.45216),
    ];

    [Fact]
    public void Replay_Baarle_GivesTheTrueSequenceOfCrossingsThroughTheEnclaves()
    {
        var (state, crossings) = Drive("baarle-enclaves");

        crossings.ShouldAllBe(c => c.IsCountryChange);
        crossings.Select(c => c.To.Value).ShouldBe(BaarleSequence.Select(s => s.To));
        for (var i = 0; i < crossings.Count; i++)
        {
            // Within about 30 m (three fixes at 30 km/h) of where the shipped polygons change, whichever locator is used.
            crossings[i].Point.Latitude.ShouldBe(BaarleSequence[i].Lat, 0.0003, $"crossing {i + 1}");
        }

        crossings.Select(c => (c.FromZone, c.ToZone)).Distinct().ShouldBe([("BE-VAN", "NL-RE08"), ("NL-RE08", "BE-VAN")], ignoreOrder: true);
        state.Country.ShouldBe("NL");
    }

    [Fact]
    public void Replay_Baarle_SliversShorterThanTheHysteresis_AreNotCrossings()
    {
        // North of the large enclave the road clips a Belgian corner (four fixes, within 30 m of the border) and, inside
        // the enclave band, three Dutch slivers of two or three fixes: none of them is confirmed.
        var (_, crossings) = Drive("baarle-enclaves");

        crossings.ShouldNotContain(c => c.Point.Latitude > 51.4455 && c.Point.Latitude < 51.4462);
        crossings.ShouldNotContain(c => c.Point.Latitude > 51.4486 && c.Point.Latitude < 51.4520);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Replay_BaarleWithFiveMetresOfGpsNoise_GivesTheSameSequence(int seed)
    {
        var (_, crossings) = Drive("baarle-enclaves", noiseMetres: 5, seed: seed);

        crossings.Select(c => c.To.Value).ShouldBe(BaarleSequence.Select(s => s.To));
    }
}

using Senningen.Core.Countries;
using Senningen.Core.Geo;

namespace Senningen.Core.Tests.Geo;

public sealed class GeoIndexKnownPlacesTests
{
    private static GeoLocation Locate(double lat, double lon) => GeoTestData.Index.Locate(GeoPoint.From(lat, lon));

    [Theory]
    [InlineData("Antwerpen", 51.2194, 4.4025, "BE", "BE-VAN")]
    [InlineData("Breda", 51.5719, 4.7683, "NL", "NL-RE08")]
    [InlineData("Maastricht", 50.8514, 5.6910, "NL", "NL-RE10")]
    [InlineData("Liège", 50.6326, 5.5797, "BE", "BE-WLG")]
    [InlineData("Arlon", 49.6833, 5.8167, "BE", "BE-WLX")]
    [InlineData("Luxembourg city", 49.6116, 6.1319, "LU", "LU")]
    [InlineData("Brussels, Grand-Place", 50.8467, 4.3525, "BE", "BE-BRU")]
    [InlineData("Amsterdam, Dam", 52.3731, 4.8926, "NL", "NL-RE05")]
    [InlineData("Baarle-Hertog, enclave H1 (the largest)", 51.437554, 4.92965, "BE", "BE-VAN")]
    [InlineData("Baarle-Hertog, enclave H2 (south of Baarle)", 51.407054, 4.933318, "BE", "BE-VAN")]
    [InlineData("Baarle-Nassau, counter-enclave N1 inside H1", 51.439545, 4.923369, "NL", "NL-RE08")]
    [InlineData("Baarle-Nassau, counter-enclave inside enclave H22", 51.448754, 4.941862, "NL", "NL-RE08")]
    [InlineData("Baarle-Nassau, north of the enclaves", 51.47, 4.93, "NL", "NL-RE08")]
    public void Locate_KnownPlaceInTheBenelux_GivesCountryAndZone(string place, double lat, double lon, string country, string zone)
    {
        var location = Locate(lat, lon);

        location.Country.ShouldBe(CountryCode.Parse(country), place);
        location.AlsoIn.ShouldBeNull(place);
        location.ZoneId.ShouldBe(zone, place);
    }

    [Theory]
    [InlineData("Aachen", 50.7753, 6.0839, "DE")]
    [InlineData("Lille", 50.6292, 3.0573, "FR")]
    [InlineData("Trier", 49.7499, 6.6371, "DE")]
    public void Locate_KnownPlaceInANeighbour_GivesCountryWithoutZone(string place, double lat, double lon, string country)
    {
        var location = Locate(lat, lon);

        location.Country.ShouldBe(CountryCode.Parse(country), place);
        location.ZoneId.ShouldBeNull(place);
        location.BorderDistanceMetres.ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("Moselle at Schwebsange (LU–DE condominium)", 49.595971, 6.379539, "LU", "DE", "LU")]
    [InlineData("Sauer (LU–DE condominium)", 49.816123, 6.424067, "LU", "DE", "LU")]
    [InlineData("Ems-Dollard (disputed NL–DE waters)", 53.324429, 7.166962, "NL", "DE", "NL-RE01")]
    public void Locate_SharedWaters_GivesTheTreatyPartyFirstAndTheNeighbourAsAlsoIn(string place, double lat, double lon, string country, string alsoIn, string zone)
    {
        var location = Locate(lat, lon);

        location.Country.ShouldBe(CountryCode.Parse(country), place);
        location.AlsoIn.ShouldBe(CountryCode.Parse(alsoIn), place);
        location.IsIn(CountryCode.Parse(alsoIn)).ShouldBeTrue(place);
        location.ZoneId.ShouldBe(zone, place);
    }

    [Fact]
    public void Locate_NorthSeaInDutchTerritorialWaters_TakesTheNearestDutchZone()
    {
        // About 12 km off Noordwijk: in NL (the 12-nm sea) but in no zone, which stop at the coast.
        var location = Locate(52.2, 4.2);

        location.Country.ShouldBe(CountryCode.Netherlands);
        location.ZoneId.ShouldBe("NL-RE06");
        location.ZoneIsNearest.ShouldBeTrue();
    }

    [Theory]
    [InlineData("open North Sea, beyond the territorial waters", 53.0, 3.0)]
    [InlineData("Gulf of Guinea", 0.0, 0.0)]
    [InlineData("Sydney", -33.87, 151.21)]
    public void Locate_OutsideEveryCountry_GivesNoCountryAndNoZone(string place, double lat, double lon)
    {
        var location = Locate(lat, lon);

        location.Country.ShouldBeNull(place);
        location.AlsoIn.ShouldBeNull(place);
        location.ZoneId.ShouldBeNull(place);
        location.ZoneIsNearest.ShouldBeFalse(place);
    }

    [Theory]
    [InlineData(51.204229, 5.593142, "BE")]
    [InlineData(51.220873, 5.604013, "NL")]
    public void Locate_OneKilometreFromAStraightStretchOfTheBelgianDutchBorder_MeasuresAboutOneKilometre(double lat, double lon, string country)
    {
        // Both points are 1 km either side of the middle of a 5.7 km straight border segment between Hamont-Achel and Budel.
        var location = Locate(lat, lon);

        location.Country.ShouldBe(CountryCode.Parse(country));
        location.NearestBorder.ShouldBe("BE|NL");
        location.BorderDistanceMetres.ShouldBe(1000, 50);
        location.BorderDistanceMetres.ShouldBe(GreatCircleToSegment(GeoPoint.From(lat, lon), GeoPoint.From(51.2027779, 5.636708), GeoPoint.From(51.2223248, 5.5604474)), 2);
    }

    [Fact]
    public void Locate_InLuxembourg_NamesALuxembourgBorder()
    {
        var location = Locate(49.6116, 6.1319);

        location.NearestBorder!.Split('|').ShouldContain("LU");
        location.BorderDistanceMetres.ShouldBeInRange(5_000, 40_000);
    }

    /// <summary>An independent oracle: the haversine distance to the segment sampled every metre.</summary>
    private static double GreatCircleToSegment(GeoPoint point, GeoPoint a, GeoPoint b)
    {
        var steps = (int)a.DistanceMetresTo(b);
        var best = double.MaxValue;
        for (var i = 0; i <= steps; i++)
        {
            var t = (double)i / steps;
            best = Math.Min(best, point.DistanceMetresTo(GeoPoint.From(a.Latitude + (t * (b.Latitude - a.Latitude)), a.Longitude + (t * (b.Longitude - a.Longitude)))));
        }

        return best;
    }
}

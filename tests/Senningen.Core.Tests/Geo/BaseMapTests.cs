using System.Text.Json;
using Senningen.Core.Geo;

namespace Senningen.Core.Tests.Geo;

/// <summary>The shipped offline base layer and the zone names the map shows instead of codes.</summary>
public sealed class BaseMapTests
{
    private const string Shipped = "basemap/benelux_base_map.geojson";

    [Fact]
    public void Parse_ShippedLayer_HasPlacesRoadsItsCreditAndStaysSmall()
    {
        var layer = BaseMap.Parse(GeoTestData.Read(Shipped));

        layer.Places.ShouldBeInRange(300, 2_000);
        layer.Roads.ShouldBeGreaterThanOrEqualTo(15);
        layer.Attribution.ShouldContain("CC BY 3.0");
        layer.Attribution.ShouldContain("schematic");
        layer.Utf8.Length.ShouldBeLessThan(200_000);
        layer.Gzip.Length.ShouldBeLessThan(layer.Utf8.Length / 4);
        layer.Version.Length.ShouldBe(16);
    }

    [Fact]
    public void Parse_ShippedLayer_TheCapitalsAndLargestCitiesAreRankOne()
    {
        using var json = JsonDocument.Parse(BaseMap.Parse(GeoTestData.Read(Shipped)).Utf8);
        var first = json.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties"))
            .Where(p => p.GetProperty("kind").GetString() == "place" && p.GetProperty("rank").GetInt32() == 1)
            .Select(p => p.GetProperty("name").GetString()).ToList();

        foreach (var city in new[] { "Brussel / Bruxelles", "Amsterdam", "Den Haag", "Rotterdam", "Antwerpen", "Gent", "Liège", "Luxembourg", "Aachen", "Lille" })
        {
            first.ShouldContain(city);
        }

        first.ShouldNotContain("Bastogne");
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("""{"type":"FeatureCollection"}""", "'features' array is missing")]
    [InlineData("""{"features":[]}""", "'attribution' (sources and licence) is missing")]
    [InlineData("""{"attribution":"x","features":[]}""", "needs places and roads")]
    [InlineData("""{"attribution":"x","features":[{"properties":{"kind":"place","name":"Breda","rank":4},"geometry":{"type":"Point","coordinates":[4.77,51.58]}}]}""", "feature #0: a place's rank must be 1, 2 or 3")]
    [InlineData("""{"attribution":"x","features":[{"properties":{"kind":"place","rank":1},"geometry":{"type":"Point","coordinates":[4.77,51.58]}}]}""", "feature #0: 'name' is missing")]
    [InlineData("""{"attribution":"x","features":[{"properties":{"kind":"place","name":"Paris","rank":1},"geometry":{"type":"Point","coordinates":[2.35,48.85]}}]}""", "within the Benelux and its border band")]
    [InlineData("""{"attribution":"x","features":[{"properties":{"kind":"road","ref":"E19"},"geometry":{"type":"LineString","coordinates":[[4.4,51.2]]}}]}""", "a road needs at least two positions")]
    [InlineData("""{"attribution":"x","features":[{"properties":{"kind":"road","ref":"E19"},"geometry":{"type":"Point","coordinates":[4.4,51.2]}}]}""", "kind must be 'place' (a Point) or 'road' (a LineString)")]
    public void Parse_MalformedLayer_NamesTheFeatureAndTheRule(string json, string message) =>
        Should.Throw<FormatException>(() => BaseMap.Parse(json)).Message.ShouldContain(message);

    [Fact]
    public void ControlRooms_ShippedZoneNames_AreDistinctInEveryLanguageAndNotCodes()
    {
        var rooms = ControlRoomDirectory.Parse(GeoTestData.Read("control-rooms.json"));

        foreach (var language in new[] { "nl", "fr", "de", "en" })
        {
            var names = rooms.All.Select(r => r.ZoneName.Get(language)).ToList();
            names.ShouldBeUnique();
            names.ShouldAllBe(n => !n.Contains("BE-", StringComparison.Ordinal) && !n.Contains("RE0", StringComparison.Ordinal));
        }

        rooms.ForZone("BE-VAN")!.ZoneName.Get("fr").ShouldBe("Anvers");
        rooms.ForZone("BE-WLG")!.ZoneName.Get("de").ShouldBe("Lüttich");
        rooms.ForZone("NL-RE06")!.ZoneName.Get("en").ShouldBe("The Hague");
        rooms.ForZone("NL-RE10")!.ZoneName.Get("nl").ShouldNotBe(rooms.ForZone("BE-VLI")!.ZoneName.Get("nl"));
    }
}

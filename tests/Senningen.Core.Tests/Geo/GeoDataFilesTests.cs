using Senningen.Core.Countries;
using Senningen.Core.Geo;

namespace Senningen.Core.Tests.Geo;

/// <summary>The shipped control-room and talk-group files agree with the zone layer and with the border lines.</summary>
public sealed class GeoDataFilesTests
{
    private static readonly ControlRoomDirectory Rooms = ControlRoomDirectory.Parse(GeoTestData.Read("control-rooms.json"));
    private static readonly TalkGroupDirectory TalkGroups = TalkGroupDirectory.Parse(GeoTestData.Read("talk-groups.json"));
    private static readonly IReadOnlyList<GeoRegion> ZoneLayer = GeoTestData.Regions(GeoTestData.ZonesFile, "zone_id");

    [Fact]
    public void ControlRooms_OnePerZoneOfTheLayer_InTheZonesCountry()
    {
        Rooms.All.Select(r => r.ZoneId).Order(StringComparer.Ordinal).ShouldBe(ZoneLayer.Select(z => z.Key).Order(StringComparer.Ordinal));
        foreach (var zone in ZoneLayer)
        {
            var room = Rooms.ForZone(zone.Key)!;
            room.Country.Value.ShouldBe(zone.Properties["country"]);
            room.Node.ShouldBe(room.Country);
        }
    }

    [Fact]
    public void ControlRooms_AsShipped_EveryContactIsAMarkedPlaceholder()
    {
        Rooms.All.SelectMany(r => r.Contacts).ShouldAllBe(c => c.Placeholder);
        Rooms.All.ShouldAllBe(r => r.Contacts.Select(c => c.Kind).Order().SequenceEqual(new[] { "email", "phone", "radio" }));
        Rooms.ForZone("BE-VAN")!.Name.Get("fr").ShouldContain("Anvers");
        Rooms.ForZone("nowhere").ShouldBeNull();
    }

    [Fact]
    public void TalkGroups_ZonesExistOnTheirSide_AndAreTheOnesThatMeetAtThatBorder()
    {
        var index = GeoTestData.Index;
        foreach (var area in TalkGroups.All)
        {
            area.Placeholder.ShouldBeTrue(area.Id);
            foreach (var (country, zones) in area.Zones)
            {
                zones.ShouldAllBe(z => ZoneLayer.Any(l => l.Key == z && l.Properties["country"] == country.Value), area.Id);
            }
        }

        // Step along every land border between two parties, 300 m to each side: the zones found there are the listed ones.
        var expected = TalkGroups.All.GroupBy(a => a.Pair).ToDictionary(g => g.Key, g => g.SelectMany(a => a.Zones.Values.SelectMany(z => z)).ToHashSet());
        var lines = GeoJsonShapes.ReadLines(GeoTestData.Read(GeoTestData.BordersFile), "pair").Where(l => expected.ContainsKey(l.Key));
        var found = expected.Keys.ToDictionary(k => k, _ => new HashSet<string>());
        foreach (var line in lines)
        {
            for (var i = 0; i + 3 < line.Coordinates.Length; i += 2)
            {
                var (lon, lat) = ((line.Coordinates[i] + line.Coordinates[i + 2]) / 2, (line.Coordinates[i + 1] + line.Coordinates[i + 3]) / 2);
                foreach (var (dLat, dLon) in new[] { (0.0027, 0.0), (-0.0027, 0.0), (0.0, 0.0043), (0.0, -0.0043) })
                {
                    var location = index.Locate(GeoPoint.From(lat + dLat, lon + dLon));
                    if (location is { ZoneId: { } zone, ZoneIsNearest: false, Country: { IsTreatyParty: true } } && location.BorderDistanceMetres > 100)
                    {
                        found[line.Key].Add(zone);
                    }
                }
            }
        }

        foreach (var (pair, zones) in found)
        {
            zones.Where(z => pair.Split('|').Contains(z[..2])).Order(StringComparer.Ordinal).ShouldBe(expected[pair].Order(StringComparer.Ordinal), pair);
        }
    }

    [Theory]
    [InlineData("NL-RE09", "BE", "be-nl-kempen")]
    [InlineData("BE-VAN", "NL", "be-nl-west,be-nl-kempen")]
    [InlineData("LU", "BE", "be-lu")]
    [InlineData("BE-WLX", "LU", "be-lu")]
    [InlineData("BE-VAN", "BE", "")]
    [InlineData("NL-RE05", "BE", "")]
    public void TalkGroupsFor_ZoneEnteredAndHomeCountry_GivesTheBorderAreas(string zone, string home, string areas) =>
        TalkGroups.For(zone, CountryCode.Parse(home)).Select(a => a.Id).ShouldBe(areas.Split(',', StringSplitOptions.RemoveEmptyEntries));

    [Theory]
    [InlineData("{\"controlRooms\": []}", "lists none")]
    [InlineData("{\"controlRooms\": [{\"zoneId\": \"BE-VAN\", \"country\": \"FR\", \"node\": \"BE\"}]}", "country must be BE, NL or LU")]
    [InlineData("{\"controlRooms\": [{\"zoneId\": \"BE-VAN\", \"country\": \"BE\", \"node\": \"BE\", \"name\": {\"nl\": \"x\"}}]}", "name in 'fr' is missing")]
    [InlineData("not json", "not valid JSON")]
    public void ControlRoomsParse_MalformedFile_NamesTheProblem(string json, string message) =>
        Should.Throw<FormatException>(() => ControlRoomDirectory.Parse(json)).Message.ShouldContain(message);

    [Theory]
    [InlineData("{\"type\": \"FeatureCollection\"}", "'features' array is missing")]
    [InlineData("{\"features\": [{\"properties\": {\"iso_a2\": \"BE\"}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[4,50],[5,50],[5,51]]]}}]}", "closed")]
    [InlineData("{\"features\": [{\"properties\": {\"iso_a2\": \"BE\"}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[4,50],[5,95],[5,51],[4,50]]]}}]}", "position #1")]
    [InlineData("{\"features\": [{\"properties\": {}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": []}}]}", "'iso_a2' is missing")]
    public void ReadRegions_MalformedGeoJson_NamesTheProblem(string json, string message) =>
        Should.Throw<FormatException>(() => GeoJsonShapes.ReadRegions(json, "iso_a2")).Message.ShouldContain(message);
}

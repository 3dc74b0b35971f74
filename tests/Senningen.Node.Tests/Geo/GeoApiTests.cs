using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Senningen.Contracts.Geo;

namespace Senningen.Node.Tests.Geo;

/// <summary>The geo API on a Belgian node: where a point is, its control room in the caller's language, and bad input.</summary>
public sealed class GeoApiTests : IAsyncLifetime
{
    private TestNode _node = null!;

    public async ValueTask InitializeAsync() => _node = await TestNode.StartAsync(country: "BE");

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Locate_Breda_GivesTheDutchZoneItsControlRoomInTheCallersLanguage_AndTheBelgianDutchTalkGroup()
    {
        using var officer = await _node.SignedInAsync("officer");

        var location = await officer.GetFromJsonAsync<GeoLocationView>("api/v1/geo/locate?lat=51.5719&lon=4.7683", Ct);

        location!.Country.ShouldBe("NL");
        location.AlsoIn.ShouldBeNull();
        location.Zone.ShouldBe("NL-RE08");
        location.ZoneName.ShouldBe("Zeeland-West-Brabant");
        location.ZoneIsNearest.ShouldBeFalse();
        location.ControlRoom!.Name.ShouldBe("Meldkamer Zeeland-West-Brabant");
        location.ControlRoom.Node.ShouldBe("NL");
        location.ControlRoom.Contacts.ShouldAllBe(c => c.Placeholder);
        location.NearestBorder.ShouldBe("BE|NL");
        location.BorderDistanceMetres!.Value.ShouldBeInRange(5_000, 30_000);
        location.TalkGroups.Select(t => t.Area).ShouldBe(["be-nl-west"]);
        location.TalkGroups.ShouldAllBe(t => t.Placeholder);
    }

    [Fact]
    public async Task Locate_MoselleCondominium_GivesLuxembourgAlsoInGermany_InEnglishForAnEnglishUser()
    {
        using var dpo = await _node.SignedInAsync("dpo");

        var location = await dpo.GetFromJsonAsync<GeoLocationView>("api/v1/geo/locate?lat=49.595971&lon=6.379539", Ct);

        location!.Country.ShouldBe("LU");
        location.AlsoIn.ShouldBe("DE");
        location.Zone.ShouldBe("LU");
        location.ZoneName.ShouldBe("Grand Duchy of Luxembourg");
        location.ControlRoom!.Name.ShouldBe("National Intervention Centre (CIN), Grand Ducal Police");
        location.TalkGroups.Select(t => t.Area).ShouldBe(["be-lu"]);
    }

    [Fact]
    public async Task Locate_FarFromTheBenelux_GivesNoCountryZoneOrControlRoom()
    {
        using var officer = await _node.SignedInAsync("officer");

        var location = await officer.GetFromJsonAsync<GeoLocationView>("api/v1/geo/locate?lat=-33.87&lon=151.21", Ct);

        location!.Country.ShouldBeNull();
        location.Zone.ShouldBeNull();
        location.ZoneName.ShouldBeNull();
        location.ControlRoom.ShouldBeNull();
        location.TalkGroups.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("lon=4.4", "lat", "required")]
    [InlineData("lat=&lon=4.4", "lat", "required")]
    [InlineData("lat=abc&lon=4.4", "lat", "format")]
    [InlineData("lat=NaN&lon=4.4", "lat", "format")]
    [InlineData("lat=1e400&lon=4.4", "lat", "format")]
    [InlineData("lat=51,2&lon=4.4", "lat", "format")]
    [InlineData("lat=90.5&lon=4.4", "lat", "range")]
    [InlineData("lat=51.2&lon=-180.01", "lon", "range")]
    [InlineData("lat=51.2&lon=Infinity", "lon", "format")]
    public async Task Locate_BadCoordinate_Returns400NamingTheFieldAndTheRule(string query, string field, string rule)
    {
        using var officer = await _node.SignedInAsync("officer");

        var response = await officer.GetAsync($"api/v1/geo/locate?{query}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<ProblemBody>(Ct);
        problem!.Errors!.ShouldContain(e => e.Field == field && e.Rule == rule);
    }

    [Fact]
    public async Task Locate_BothCoordinatesMissing_NamesBoth()
    {
        using var officer = await _node.SignedInAsync("officer");

        var problem = await (await officer.GetAsync("api/v1/geo/locate", Ct)).Content.ReadFromJsonAsync<ProblemBody>(Ct);

        problem!.Errors!.Select(e => e.Field).ShouldBe(["lat", "lon"], ignoreOrder: true);
    }

    [Fact]
    public async Task Zones_SignedIn_IsGeoJsonWithEveryZoneAndTheSharedBorders()
    {
        using var officer = await _node.SignedInAsync("officer");

        var response = await officer.GetAsync("api/v1/geo/zones", Ct);

        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/geo+json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var kinds = json.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties").GetProperty("kind").GetString()).ToList();
        kinds.Count(k => k == "zone").ShouldBe(22);
        kinds.Count(k => k == "border").ShouldBeGreaterThan(100);
    }

    [Fact]
    public async Task Geo_WithoutCredentials_IsRefused()
    {
        using var client = _node.Anonymous();

        (await client.GetAsync("api/v1/geo/locate?lat=51&lon=4", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

using Senningen.Core.Countries;
using Senningen.Core.Operations;

namespace Senningen.Core.Tests.Operations;

public sealed class RouteFileTests
{
    private const string Valid = """
        {
          "id": "test-route",
          "name": { "nl": "Test", "fr": "Test", "de": "Test", "en": "Test" },
          "homeCountry": "nl",
          "unit": { "callSign": " ZWB-01 ", "vehicle": "Volvo V90" },
          "suspect": { "nl": "a", "fr": "b", "de": "c", "en": "d" },
          "reason": { "nl": "a", "fr": "b", "de": "c", "en": "d" },
          "speedKmh": 90,
          "waypoints": [[51.5, 4.7], [51.51, 4.71]]
        }
        """;

    [Fact]
    public void Parse_ValidFile_GivesTheRouteWithDefaultsAndTrimmedValues()
    {
        var result = RouteFile.Parse(Valid);

        result.IsSuccess.ShouldBeTrue(result.Problem);
        var route = result.Route;
        route.HomeCountry.ShouldBe(CountryCode.Netherlands);
        route.Unit.ShouldBe(new RouteUnit("ZWB-01", "Volvo V90", 2));
        route.Vehicles.ShouldBeEmpty();
        route.Reason.Get("fr-BE").ShouldBe("b");
        route.Waypoints.Count.ShouldBe(2);
        route.LengthMetres().ShouldBe(1320, 20);
    }

    [Theory]
    [InlineData("\"homeCountry\": \"nl\"", "\"homeCountry\": \"DE\"", "homeCountry")]
    [InlineData("\"de\": \"c\", ", "", "suspect.de")]
    [InlineData("\"speedKmh\": 90", "\"speedKmh\": 0", "speedKmh")]
    [InlineData("[[51.5, 4.7], [51.51, 4.71]]", "[[51.5, 4.7]]", "waypoints")]
    [InlineData("[51.51, 4.71]", "[91, 4.71]", "waypoints[1]")]
    [InlineData("\"id\": \"test-route\"", "\"id\": \"Test Route\"", "id")]
    [InlineData("\"vehicle\": \"Volvo V90\"", "\"vehicle\": \"\"", "unit")]
    [InlineData("{", "[", "not a route file")]
    public void Parse_BrokenFile_NamesTheField(string replace, string with, string field)
    {
        var result = RouteFile.Parse(Valid.Replace(replace, with, StringComparison.Ordinal));

        result.IsSuccess.ShouldBeFalse();
        result.Problem.ShouldStartWith(field);
    }

    [Theory]
    [InlineData("baarle-enclaves")]
    [InlineData("e19-antwerpen-breda")]
    [InlineData("a2-maastricht-liege")]
    [InlineData("e411-arlon-luxembourg")]
    public void Parse_ShippedRoute_IsValid_WithWaypointsAtMostTwoAndAHalfKilometresApart(string id)
    {
        var route = RealGeography.Route(id);

        route.Id.ShouldBe(id);
        for (var i = 1; i < route.Waypoints.Count; i++)
        {
            route.Waypoints[i - 1].DistanceMetresTo(route.Waypoints[i]).ShouldBeLessThan(2_500, $"waypoint {i}");
        }
    }
}

using Microsoft.Extensions.Configuration;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Tests.Configuration;

/// <summary>The console map's tile service: the national services' templates are taken, a bad one stops the node naming the key.</summary>
public sealed class MapSettingsTests
{
    private const string Pdok = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{TileMatrix}/{TileCol}/{TileRow}.png";

    private static Dictionary<string, string?> Valid(string? url = null, string? kind = null) => new()
    {
        ["Senningen:Node:Country"] = "NL",
        ["Senningen:Node:PublicUrl"] = "https://senningen.example.nl/",
        ["Senningen:Node:DataDirectory"] = Path.Combine(Path.GetTempPath(), "senningen-config-test"),
        ["Senningen:Map:TileUrl"] = url,
        ["Senningen:Map:TileKind"] = kind,
        ["Senningen:Map:TileAttribution"] = url is null ? null : "Kaartgegevens © Kadaster",
    };

    [Fact]
    public void Read_NoTileUrl_MapUsesTheOfflineLayer()
    {
        var values = Valid();
        values["Senningen:Map:TileAttribution"] = "ignored without a tile service";

        Read(values).Map.Tiles.ShouldBeNull();
    }

    [Fact]
    public void Read_XyzTemplateWithSubdomains_IsKeptAsWrittenWithItsCreditZoomAndHosts()
    {
        var values = Valid(" https://{s}.tiles.example.nl/{z}/{x}/{y}{r}.png ");
        values["Senningen:Map:TileMaxZoom"] = "17";
        values["Senningen:Map:TileSubdomains"] = "1234";

        var tiles = Read(values).Map.Tiles.ShouldNotBeNull();

        tiles.Kind.ShouldBe(TileServiceKind.Xyz);
        tiles.Template.ShouldBe("https://{s}.tiles.example.nl/{z}/{x}/{y}{r}.png");
        tiles.LeafletTemplate.ShouldBe(tiles.Template);
        tiles.Attribution.ShouldBe("Kaartgegevens © Kadaster");
        tiles.MaxZoom.ShouldBe(17);
        tiles.Subdomains.ShouldBe("1234");
    }

    [Theory]
    [InlineData(Pdok, "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png")]
    [InlineData("https://cartoweb.wmts.ngi.be/1.0.0/topo/default/3857/{TileMatrix}/{TileRow}/{TileCol}.png",
        "https://cartoweb.wmts.ngi.be/1.0.0/topo/default/3857/{z}/{y}/{x}.png")]
    [InlineData("https://wmts{s}.geoportail.lu/opendata/wmts/basemap/GLOBAL_WEBMERCATOR_4_V3/{TileMatrix}/{TileCol}/{TileRow}.png",
        "https://wmts{s}.geoportail.lu/opendata/wmts/basemap/GLOBAL_WEBMERCATOR_4_V3/{z}/{x}/{y}.png")]
    public void Read_WmtsRestTemplate_IsTurnedIntoLeafletsZxy(string template, string leaflet)
    {
        var tiles = Read(Valid(template, "WMTS")).Map.Tiles.ShouldNotBeNull();

        tiles.Kind.ShouldBe(TileServiceKind.Wmts);
        tiles.Template.ShouldBe(template);
        tiles.LeafletTemplate.ShouldBe(leaflet);
        tiles.MaxZoom.ShouldBe(19);
        tiles.Subdomains.ShouldBeNull();
    }

    [Fact]
    public void Read_PlainHttpOnLoopback_IsAllowedForATileServerOnThisMachine() =>
        Read(Valid("http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png")).Map.Tiles.ShouldNotBeNull().Template.ShouldStartWith("http://127.0.0.1");

    [Theory]
    [InlineData("Senningen:Map:TileUrl", "tiles.example/{z}/{x}/{y}.png", null, "Senningen:Map:TileUrl = 'tiles.example/{z}/{x}/{y}.png' is not an absolute https URL")]
    [InlineData("Senningen:Map:TileUrl", "ftp://tiles.example/{z}/{x}/{y}.png", null, "Senningen:Map:TileUrl = 'ftp://tiles.example/{z}/{x}/{y}.png' is not an absolute")]
    [InlineData("Senningen:Map:TileUrl", "http://tiles.example.nl/{z}/{x}/{y}.png", null, "Senningen:Map:TileUrl = 'http://tiles.example.nl/{z}/{x}/{y}.png' uses plain http")]
    [InlineData("Senningen:Map:TileUrl", "https://tiles.example/{z}/{x}.png", null, "Senningen:Map:TileUrl = 'https://tiles.example/{z}/{x}.png' lacks {y}")]
    [InlineData("Senningen:Map:TileUrl", "https://tiles.example/wmts.png", null, "Senningen:Map:TileUrl = 'https://tiles.example/wmts.png' lacks {z}, {x}, {y}")]
    [InlineData("Senningen:Map:TileUrl", Pdok, null, "Senningen:Map:TileUrl = '" + Pdok + "' lacks {z}, {x}, {y}: a tile URL template needs {z}, {x} and {y} (or set Senningen:Map:TileKind=wmts")]
    [InlineData("Senningen:Map:TileUrl", "https://tiles.example/{z}/{x}/{y}.png", "wmts", "Senningen:Map:TileUrl = 'https://tiles.example/{z}/{x}/{y}.png' lacks {TileMatrix}, {TileCol}, {TileRow}: a WMTS REST template")]
    [InlineData("Senningen:Map:TileUrl", "https://wmts.example/{Layer}/{TileMatrixSet}/{TileMatrix}/{TileCol}/{TileRow}.png", "wmts", "Senningen:Map:TileUrl = 'https://wmts.example/{Layer}/{TileMatrixSet}/{TileMatrix}/{TileCol}/{TileRow}.png' has {Layer}, {TileMatrixSet}, which the map cannot fill in")]
    [InlineData("Senningen:Map:TileKind", "tms", "tms", "Senningen:Map:TileKind = 'tms' is not valid: expected xyz or wmts.")]
    [InlineData("Senningen:Map:TileKind", "1", "1", "Senningen:Map:TileKind = '1' is not valid")]
    [InlineData("Senningen:Map:TileMaxZoom", "30", null, "Senningen:Map:TileMaxZoom = '30' is not valid: expected a whole number from 1 to 22.")]
    [InlineData("Senningen:Map:TileSubdomains", "a,b,c", null, "Senningen:Map:TileSubdomains = 'a,b,c' is not valid")]
    [InlineData("Senningen:Map:TileAttribution", "", null, "Senningen:Map:TileAttribution is missing")]
    public void Read_BadTileSetting_StopsTheNodeNamingTheKeyAndTheRule(string key, string value, string? kind, string expected)
    {
        var values = Valid("https://{s}.tiles.example.nl/{z}/{x}/{y}.png", kind);
        values[key] = value;

        var problem = Should.Throw<ConfigurationProblemException>(() => Read(values));

        problem.Problems.ShouldHaveSingleItem().ShouldStartWith(expected);
    }

    [Fact]
    public void Read_SubdomainsWithoutAPlaceForThem_IsAProblem()
    {
        var values = Valid("https://tiles.example.nl/{z}/{x}/{y}.png");
        values["Senningen:Map:TileSubdomains"] = "abc";

        var problem = Should.Throw<ConfigurationProblemException>(() => Read(values));

        problem.Problems.ShouldHaveSingleItem().ShouldContain("a {s} in Senningen:Map:TileUrl");
    }

    private static NodeSettings Read(Dictionary<string, string?> values) =>
        NodeSettingsReader.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
}

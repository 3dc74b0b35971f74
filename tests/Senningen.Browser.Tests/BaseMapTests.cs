using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>
/// The alerts page's map over ground an officer recognises (issue 21, point 4): the node's offline layer of places and
/// schematic main roads with no request to another host, zones by name, and a configured tile service instead when set.
/// </summary>
public sealed partial class BaseMapTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    private const string TileHost = "tiles.example.test";

    // A transparent 1 × 1 PNG: what the stand-in tile service answers.
    private static readonly byte[] Tile = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task AlertsMap_WithoutTileService_DrawsRoadsPlacesAndZoneNamesFromTheNodeAlone()
    {
        await using var node = await TestNode.StartAsync();
        await using var context = await browser.NewContextAsync(node);
        var outside = await RefuseOtherHostsAsync(context, node);
        var page = await context.NewPageAsync();
        await ConsoleSteps.SignInAsync(page, "controlroom");
        await ConsoleSteps.SwitchLanguageAsync(page, "fr");

        await page.GotoAsync("alerts");
        var map = page.GetByTestId("live-map");
        await Expect(map).ToHaveAttributeAsync("data-base-map", "drawn");

        (await map.Locator("path.map-road").CountAsync()).ShouldBeGreaterThanOrEqualTo(20);
        await Expect(map.Locator(".map-road-ref", new() { HasTextString = "E19" })).ToHaveCountAsync(1);
        await Expect(PlaceLabel(map, "Antwerpen")).ToBeVisibleAsync();
        await Expect(PlaceLabel(map, "Luxembourg")).ToBeVisibleAsync();
        // Towns wait until the officer zooms in: at the Benelux's scale they would bury the cities.
        await Expect(PlaceLabel(map, "Bastogne")).ToBeHiddenAsync();
        await Expect(map.Locator(".leaflet-control-attribution")).ToContainTextAsync("GeoNames (CC BY 3.0)");
        await Expect(map.Locator(".leaflet-control-attribution")).ToContainTextAsync("grands axes schématiques, non relevés");
        await Expect(map.Locator(".map-legend")).ToContainTextAsync("Autoroute (tracé schématique)");
        await Expect(map.Locator(".leaflet-tile")).ToHaveCountAsync(0);

        // The zone under Antwerpen's label is shown by its French name, the code beside it.
        var dot = (await PlaceLabel(map, "Antwerpen").Locator("xpath=..").Locator(".map-place-dot").BoundingBoxAsync()).ShouldNotBeNull();
        await page.Mouse.MoveAsync(dot.X + 2, dot.Y + 2);
        await page.Mouse.MoveAsync(dot.X + 3, dot.Y + 3);
        await Expect(map.Locator(".leaflet-tooltip")).ToContainTextAsync("Anvers");
        await Expect(map.Locator(".leaflet-tooltip .map-zone-code")).ToHaveTextAsync("BE-VAN");

        await ZoomInUntilTownsShowAsync(map);
        await Expect(PlaceLabel(map, "Bastogne")).ToBeVisibleAsync();
        await Expect(map.Locator(".map-road-ref", new() { HasTextString = "E19" })).ToBeVisibleAsync();
        await ConsoleSteps.KeepScreenshotAsync(page, "map-base-layer");
        outside.ShouldBeEmpty();
    }

    [Fact]
    public async Task AlertsMap_WithAnXyzTileService_LoadsItsTilesInsteadOfTheOfflineLayer()
    {
        await using var node = await TestNode.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Senningen:Map:TileUrl"] = $"https://{TileHost}/brt/{{z}}/{{x}}/{{y}}.png",
            ["Senningen:Map:TileAttribution"] = "Kaartgegevens © Kadaster",
            ["Senningen:Map:TileMaxZoom"] = "18",
        });
        await using var context = await browser.NewContextAsync(node);
        var outside = await RefuseOtherHostsAsync(context, node);
        var tiles = new List<string>();
        await context.RouteAsync($"https://{TileHost}/**", async route =>
        {
            lock (tiles)
            {
                tiles.Add(route.Request.Url);
            }

            await route.FulfillAsync(new() { Status = 200, ContentType = "image/png", BodyBytes = Tile });
        });
        var page = await context.NewPageAsync();
        var baseMapAsked = false;
        page.Request += (_, request) => baseMapAsked |= request.Url.Contains("/api/v1/geo/base-map", StringComparison.Ordinal);
        await ConsoleSteps.SignInAsync(page, "controlroom");

        await page.GotoAsync("alerts");
        var map = page.GetByTestId("live-map");
        await Expect(map.Locator("img.leaflet-tile-loaded").First).ToBeAttachedAsync();

        var sources = await map.Locator("img.leaflet-tile").EvaluateAllAsync<string[]>("tiles => tiles.map(t => t.src)");
        sources.ShouldNotBeEmpty();
        sources.ShouldAllBe(src => XyzTile().IsMatch(src));
        tiles.ShouldNotBeEmpty();
        await Expect(map.Locator(".leaflet-control-attribution")).ToContainTextAsync("Kaartgegevens © Kadaster");
        await Expect(map.Locator("path.map-road")).ToHaveCountAsync(0);
        await Expect(map.Locator(".map-legend .map-legend-road")).ToHaveCountAsync(0);
        baseMapAsked.ShouldBeFalse();
        outside.ShouldBeEmpty();
    }

    [Fact]
    public async Task AlertsMap_TileServiceUnreachable_FallsBackToTheOfflineLayer()
    {
        await using var node = await TestNode.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Senningen:Map:TileKind"] = "wmts",
            ["Senningen:Map:TileUrl"] = $"https://{TileHost}/wmts/standaard/EPSG:3857/{{TileMatrix}}/{{TileCol}}/{{TileRow}}.png",
            ["Senningen:Map:TileAttribution"] = "Kaartgegevens © Kadaster",
        });
        await using var context = await browser.NewContextAsync(node);
        var refused = await RefuseOtherHostsAsync(context, node);
        var page = await context.NewPageAsync();
        await ConsoleSteps.SignInAsync(page, "controlroom");

        await page.GotoAsync("alerts");
        var map = page.GetByTestId("live-map");

        await Expect(map).ToHaveAttributeAsync("data-base-map", "drawn");
        await Expect(PlaceLabel(map, "Antwerpen")).ToBeVisibleAsync();
        // The WMTS template was asked with Leaflet's numbers in its TileMatrix/TileCol/TileRow places.
        refused.ShouldNotBeEmpty();
        refused.ShouldAllBe(url => WmtsTile().IsMatch(url));
    }

    private static ILocator PlaceLabel(ILocator map, string name) =>
        map.Locator(".map-place-name").GetByText(name, new() { Exact = true });

    private static async Task ZoomInUntilTownsShowAsync(ILocator map)
    {
        var clicks = 0;
        while (await map.GetAttributeAsync("data-places") != "3")
        {
            clicks.ShouldBeLessThan(6, "towns should show well before street level");
            await map.Locator(".leaflet-control-zoom-in").ClickAsync();
            await Expect(map.Locator(".leaflet-zoom-anim")).ToHaveCountAsync(0);
            clicks++;
        }
    }

    // Records and refuses every request to a host other than the node; the tile stand-in's own route, added later, wins.
    private static async Task<List<string>> RefuseOtherHostsAsync(IBrowserContext context, TestNode node)
    {
        var outside = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme is "http" or "https" && url.Authority != node.BaseUrl.Authority)
            {
                lock (outside)
                {
                    outside.Add(route.Request.Url);
                }

                await route.AbortAsync();
                return;
            }

            await route.ContinueAsync();
        });
        return outside;
    }

    [GeneratedRegex(@"^https://tiles\.example\.test/brt/\d{1,2}/\d+/\d+\.png$")]
    private static partial Regex XyzTile();

    [GeneratedRegex(@"^https://tiles\.example\.test/wmts/standaard/EPSG:3857/\d{1,2}/\d+/\d+\.png$")]
    private static partial Regex WmtsTile();
}

using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>
/// livemap.js in a real Chromium on a signed-in console page, before any page uses the map: it loads Leaflet from the node,
/// draws outlines, a highlighted zone, a unit and its track, and the alert sound never throws.
/// </summary>
public sealed class LiveMapScriptTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    // A zone, a country and a shared border line: the three kinds of outline the map styles.
    private const string Outlines = """
        {"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"zone_id":"NL-RE05","name":"Zeeland-West-Brabant"},
           "geometry":{"type":"Polygon","coordinates":[[[4.0,51.3],[4.8,51.3],[4.8,51.7],[4.0,51.7],[4.0,51.3]]]}},
          {"type":"Feature","properties":{"iso_a2":"BE"},
           "geometry":{"type":"Polygon","coordinates":[[[3.0,50.0],[5.5,50.0],[5.5,51.3],[3.0,51.3],[3.0,50.0]]]}},
          {"type":"Feature","properties":{"pair":"BE|NL"},"geometry":{"type":"LineString","coordinates":[[3.5,51.3],[5.5,51.3]]}}
        ]}
        """;

    private const string DrawMap = """
        async outlines => {
          const module = await import('/js/livemap.js');
          const box = document.createElement('div');
          box.className = 'live-map';
          box.id = 'test-map';
          // Outside main: Blazor owns main's content and may redraw it.
          document.body.append(box);
          const map = await module.init(box, { leafletUrl: '/lib/leaflet/leaflet.js', outlines, highlightZone: 'NL-RE05',
            zoneNames: { 'NL-RE05': 'Amsterdam' } });
          map.update({ units: [{ id: 'BE-1', lat: 51.2, lon: 4.4, label: 'BE-1', heading: 30, kind: 'own' }],
                       tracks: [{ id: 'BE-1', kind: 'own', points: [{ lat: 51.1, lon: 4.3 }, { lat: 51.2, lon: 4.4 }], replace: true }] });
          map.update({ units: [{ id: 'BE-1', lat: 51.4, lon: 4.5, label: 'BE-1', heading: 10, kind: 'alert' }],
                       tracks: [{ id: 'BE-1', kind: 'own', points: [{ lat: 51.4, lon: 4.5 }], replace: false }] });
          window.testMap = map;
          return {
            zones: box.querySelectorAll('path.map-zone').length,
            highlighted: box.querySelectorAll('path.map-zone-highlight').length,
            countries: box.querySelectorAll('path.map-country').length,
            borders: box.querySelectorAll('path.map-border').length,
            tracks: box.querySelectorAll('path.map-track-own').length,
            // From Leaflet, not the SVG: Leaflet clips a line to the view, so the path may hold fewer points.
            trackPoints: map.tracks.get('BE-1').getLatLngs().length,
            units: box.querySelectorAll('.map-unit-alert').length,
            tiles: box.querySelectorAll('.leaflet-tile').length,
            legend: box.querySelector('.map-legend-highlight').textContent,
          };
        }
        """;

    private const string MoveUnitFarAway = """
        () => {
          window.testMap.update({ units: [{ id: 'BE-1', lat: 50.5, lon: 5.9, label: 'BE-1', heading: null, kind: 'own' }] });
          return window.testMap.map.getBounds().contains([50.5, 5.9]);
        }
        """;

    [Fact]
    public async Task LiveMapModule_OnASignedInPage_DrawsOutlinesUnitAndTrackWithoutTilesAndFollowsUntilDragged()
    {
        await using var node = await TestNode.StartAsync();
        await using var context = await browser.NewContextAsync(node);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await ConsoleSteps.SignInAsync(page, "officer");
        await ConsoleSteps.WaitUntilInteractiveAsync(page);

        var drawn = await page.EvaluateAsync<JsonElement>(DrawMap, Outlines);

        drawn.GetProperty("zones").GetInt32().ShouldBe(1);
        drawn.GetProperty("highlighted").GetInt32().ShouldBe(1);
        drawn.GetProperty("countries").GetInt32().ShouldBe(1);
        drawn.GetProperty("borders").GetInt32().ShouldBe(1);
        drawn.GetProperty("tracks").GetInt32().ShouldBe(1);
        drawn.GetProperty("trackPoints").GetInt32().ShouldBe(3);
        drawn.GetProperty("units").GetInt32().ShouldBe(1);
        drawn.GetProperty("tiles").GetInt32().ShouldBe(0);
        // The highlighted zone by its name from the node, not the fixture's name property nor its code.
        drawn.GetProperty("legend").GetString().ShouldBe("Amsterdam");
        await Expect(page.Locator("#test-map .leaflet-control-attribution")).ToContainTextAsync("© OpenStreetMap contributors");
        await ConsoleSteps.KeepScreenshotAsync(page, "live-map-outlines");

        // Once the user drags the map it stays where they put it, until they ask to follow again.
        await page.Locator("#test-map").ScrollIntoViewIfNeededAsync();
        var box = (await page.Locator("#test-map").BoundingBoxAsync()).ShouldNotBeNull();
        await page.Mouse.MoveAsync(box.X + 300, box.Y + 200);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + 450, box.Y + 300, new() { Steps = 5 });
        await page.Mouse.UpAsync();
        await Expect(page.Locator("#test-map .map-follow")).ToBeVisibleAsync();
        var followedAfterDrag = await page.EvaluateAsync<bool>(MoveUnitFarAway);
        await page.ClickAsync("#test-map .map-follow");
        var followedAfterClick = await page.EvaluateAsync<bool>("() => window.testMap.map.getBounds().contains([50.5, 5.9])");
        followedAfterDrag.ShouldBeFalse();
        followedAfterClick.ShouldBeTrue();

        await page.EvaluateAsync("() => window.testMap.dispose()");
        await Expect(page.Locator("#test-map .leaflet-pane")).ToHaveCountAsync(0);
        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task AlertSound_MutedOrBlocked_AnswersWithoutThrowingAndRemembersMute()
    {
        await using var node = await TestNode.StartAsync();
        await using var context = await browser.NewContextAsync(node);
        var page = await context.NewPageAsync();
        await ConsoleSteps.SignInAsync(page, "officer");
        await Expect(page.Locator("main h1")).ToBeVisibleAsync();

        var answers = await page.EvaluateAsync<string[]>("""
            async () => {
              const module = await import('/js/livemap.js');
              const unmuted = module.beep();
              module.setMuted(true);
              return [unmuted, module.beep(), String(module.isMuted()), localStorage.getItem('senningen.alerts.muted')];
            }
            """);

        // Headless Chromium may allow sound or block it until a gesture; either way it is an answer, not an error.
        answers[0].ShouldBeOneOf("played", "blocked");
        answers[1..].ShouldBe(["muted", "true", "true"]);
    }
}

using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>The officer's app can be installed on a phone: a manifest with icons and an active service worker.</summary>
public sealed class AppInstallTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task App_OnAPhone_HasAManifestWithIcons_AndAnActiveServiceWorker()
    {
        await using var node = await TestNode.StartAsync(country: "BE");
        await using var context = await browser.NewPhoneContextAsync(node);
        var page = await AppSteps.SignInAsync(context, "officer");

        var manifestUrl = await page.GetAttributeAsync("link[rel=manifest]", "href");
        var manifest = await page.EvaluateAsync<JsonElement>($"async () => (await fetch('{manifestUrl}')).json()");
        manifest.GetProperty("display").GetString().ShouldBe("standalone");
        manifest.GetProperty("start_url").GetString().ShouldBe("/app/index.html");
        var sizes = manifest.GetProperty("icons").EnumerateArray().Select(i => i.GetProperty("sizes").GetString()).ToList();
        sizes.ShouldContain("192x192");
        sizes.ShouldContain("512x512");
        foreach (var icon in manifest.GetProperty("icons").EnumerateArray())
        {
            (await page.EvaluateAsync<int>($"async () => (await fetch('{icon.GetProperty("src").GetString()}')).status")).ShouldBe(200);
        }

        var scope = await page.EvaluateAsync<string>("async () => (await navigator.serviceWorker.ready).scope");
        scope.ShouldEndWith("/app/");
        (await page.EvaluateAsync<bool>("async () => !!(await navigator.serviceWorker.ready).active")).ShouldBeTrue();
        await Expect(page.Locator("[data-testid=bundle-version]")).ToContainTextAsync("Guide version");
    }
}

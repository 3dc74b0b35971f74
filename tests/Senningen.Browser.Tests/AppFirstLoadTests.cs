using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>
/// The app loads and becomes usable on a slow mobile link, DevTools' "Fast 3G" profile (latency 562.5 ms, 180 KB/s
/// down, 84 KB/s up), with nothing cached. How fast, against the console's sign-in page as the peer, is measured by
/// the bench suite <c>app-load</c> (floor 3 s), not here: a shared CI machine is no place for a time bound.
/// </summary>
public sealed class AppFirstLoadTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task FirstLoad_OnFast3G_BecomesUsable_WithinAPhoneScreensWidth()
    {
        await using var node = await TestNode.StartAsync(country: "BE");
        await using var context = await browser.NewPhoneContextAsync(node, locale: "fr-BE");
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false,
            ["latency"] = 562.5,
            ["downloadThroughput"] = 180 * 1024,
            ["uploadThroughput"] = 84 * 1024,
        });

        await page.GotoAsync("app/index.html", new() { WaitUntil = WaitUntilState.Commit });

        await Expect(page.Locator("[data-testid=sign-in] button[type=submit]")).ToBeEnabledAsync(new() { Timeout = 30_000 });
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);
    }
}

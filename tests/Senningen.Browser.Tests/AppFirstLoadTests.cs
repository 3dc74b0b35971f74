using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>
/// First load of the app on a slow mobile link, DevTools' "Fast 3G" profile (latency 562.5 ms, 180 KB/s down,
/// 84 KB/s up), against the console's mission guide loaded the same way as the peer: interactive within 3 s.
/// </summary>
public sealed class AppFirstLoadTests(ChromiumFixture browser, ITestOutputHelper output) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task FirstLoad_OnFast3G_IsInteractiveWithinThreeSeconds()
    {
        await using var node = await TestNode.StartAsync(country: "BE");
        await using var warm = await browser.NewPhoneContextAsync(node);
        // The node's first answers (static asset endpoints, JIT) are not what a phone on 3G waits for.
        await (await warm.NewPageAsync()).GotoAsync("app/index.html");

        var app = await MeasureAsync(node, "app/index.html", "[data-testid=sign-in] button[type=submit]");
        var console = await MeasureAsync(node, "login", "form[action='/account/login'] button[type=submit]");

        var figures = $"Fast 3G first load to interactive: app {app.TotalMilliseconds:F0} ms, console sign-in page {console.TotalMilliseconds:F0} ms, ratio {app / console:F2}";
        output.WriteLine(figures);
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "app-first-load.txt"), figures, TestContext.Current.CancellationToken);
        app.ShouldBeLessThan(TimeSpan.FromSeconds(3));
    }

    private async Task<TimeSpan> MeasureAsync(TestNode node, string path, string interactiveWhen)
    {
        await using var context = await browser.NewPhoneContextAsync(node);
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
        var started = System.Diagnostics.Stopwatch.StartNew();
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.Locator(interactiveWhen)).ToBeEnabledAsync();
        return started.Elapsed;
    }
}

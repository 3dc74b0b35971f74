using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>
/// The API reference as a police network would load it: nothing may be fetched from outside the node (issue 21,
/// point 10). Every request the page makes to another host is recorded and refused.
/// </summary>
public sealed class ApiReferenceTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task ApiReference_LoadsFromTheNodeAlone_AndOffersNoThirdPartyService()
    {
        await using var network = await TestNetwork.StartAsync(["BE"]);
        var node = network["BE"].BaseUrl;
        await using var context = await browser.NewContextAsync(network["BE"]);
        var outside = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme is "http" or "https" && url.Authority != node.Authority)
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
        var page = await context.NewPageAsync();

        await page.GotoAsync("api-reference");
        await Expect(page.GetByText("Senningen node API").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        outside.ShouldBeEmpty();
        var text = await page.InnerTextAsync("body");
        text.ShouldNotContain("Ask AI");
        text.ShouldNotContain("Generate SDK");
        await ConsoleSteps.KeepScreenshotAsync(page, "api-reference");
    }
}

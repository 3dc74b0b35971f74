using Microsoft.Playwright;

namespace Senningen.Browser.Tests;

/// <summary>The steps through the officer's app that its tests share.</summary>
internal static class AppSteps
{
    /// <summary>Opens the app, picks the language and signs in; returns once the guide is on screen and the service worker is active.</summary>
    public static async Task<IPage> SignInAsync(IBrowserContext context, string username, string language = "en")
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("app");
        await Assertions.Expect(page.Locator("[data-testid=sign-in]")).ToBeVisibleAsync();
        await page.SelectOptionAsync("#language", language);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", "demo");
        await page.ClickAsync("[data-testid=sign-in] button[type=submit]");
        // The first bundle of a fresh node is built on this request; on a loaded CI machine that can take a while.
        await Assertions.Expect(page.Locator("main[data-ready=true]")).ToBeAttachedAsync(new() { Timeout = 90_000 });
        await page.EvaluateAsync("async () => { await navigator.serviceWorker.ready; }");
        return page;
    }

    public static async Task OpenAsync(IPage page, string screen)
    {
        await page.GotoAsync($"app/index.html#{screen}");
        await Assertions.Expect(page.Locator($"main[data-screen={screen}][data-ready=true]")).ToBeAttachedAsync();
    }

    public static async Task MoveToAsync(IBrowserContext context, double lat, double lon) =>
        await context.SetGeolocationAsync(new Geolocation { Latitude = (float)lat, Longitude = (float)lon, Accuracy = 10 });
}

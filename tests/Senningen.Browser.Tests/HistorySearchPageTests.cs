using System.Net.Http.Json;
using Microsoft.Playwright;
using Senningen.Contracts.Anpr;
using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>
/// The Dutch control room searches stored reads in Chromium: without the public prosecutor's order the page says which
/// rule refuses it; with the order it lists the read, found through an OCR confusion.
/// </summary>
public sealed class HistorySearchPageTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DutchSearch_IsRefusedWithoutTheProsecutorsOrder_AndListsTheReadWithIt()
    {
        await using var node = await TestNode.StartAsync(Testing.Store.Sqlite, "NL");
        using var admin = await node.SignedInAsync("admin");
        (await admin.PostAsJsonAsync("api/v1/anpr/cameras", new RegisterCameraRequest("T-A16", "Politie", "A16 Hazeldonk test lane",
            51.496, 4.757, "S", "police", null, null), Ct)).EnsureSuccessStatusCode();
        using var gateway = await node.SignedInAsync("officer");
        (await gateway.PostAsJsonAsync("api/v1/anpr/reads", new[]
        {
            new PlateReadInput("T-A16", "GZ-124-K", null, "NL", 0.9, DateTimeOffset.UtcNow.AddSeconds(-5), 51.496, 4.757),
        }, Ct)).EnsureSuccessStatusCode();

        await using var context = await browser.NewContextAsync(node);
        var page = await context.NewPageAsync();
        await ConsoleSteps.SignInAsync(page, "controlroom");
        await ConsoleSteps.SwitchLanguageAsync(page, "en");
        await page.GotoAsync("anpr/search");
        await ConsoleSteps.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=search-law]")).ToBeVisibleAsync();
        await FillAsync(page, "search-subject", "GZI24K");
        await FillAsync(page, "search-case", "PV-2026-0042");

        await page.ClickAsync("[data-testid=search-submit]");
        await Expect(page.Locator("[data-testid=search-problem]")).ToContainTextAsync("prosecutorReference");
        await ConsoleSteps.KeepScreenshotAsync(page, "anpr-history-refused-nl");

        await FillAsync(page, "search-prosecutor", "OM-2026-117");
        await page.ClickAsync("[data-testid=search-submit]");
        var table = page.Locator("[data-testid=search-table]");
        await Expect(table).ToBeVisibleAsync();
        await Expect(table).ToContainTextAsync("GZ124K");
        await Expect(page.Locator("[data-testid=search-problem]")).ToHaveCountAsync(0);
        await ConsoleSteps.KeepScreenshotAsync(page, "anpr-history-found-nl");
    }

    // The page binds on change: leave the field, as a user does, so the value reaches the circuit.
    private static async Task FillAsync(IPage page, string testId, string value)
    {
        await page.FillAsync($"[data-testid={testId}]", value);
        await page.PressAsync($"[data-testid={testId}]", "Tab");
    }
}

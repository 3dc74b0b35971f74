using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Playwright;
using Senningen.Contracts.Anpr;
using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>
/// The Belgian control room's hit board in Chromium: a camera read of a listed plate appears at once with the entry's
/// action, and is acknowledged from the board; the international desk checks an import by dry run on the hotlist page.
/// </summary>
[Collection(TimedAlone.Name)]
public sealed class HitBoardTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hit_AppearsOnTheBoardAtOnce_WithItsAction_AndIsAcknowledged()
    {
        await using var node = await TestNode.StartAsync();
        using var admin = await node.SignedInAsync("admin");
        (await admin.PostAsJsonAsync("api/v1/anpr/cameras", new RegisterCameraRequest("T-E19", "Federale Politie", "E19 Meer test lane",
            51.479, 4.750, "N", "police", null, null), Ct)).EnsureSuccessStatusCode();
        using var csv = new StringContent("plate,category,validFrom\n1-KLM-385,sis-seizure,2026-01-01T00:00:00Z\n", Encoding.UTF8, "text/csv");
        (await admin.PostAsync("api/v1/anpr/hotlist/import", csv, Ct)).EnsureSuccessStatusCode();

        await using var context = await browser.NewContextAsync(node);
        var page = await context.NewPageAsync();
        await ConsoleSteps.SignInAsync(page, "controlroom");
        await ConsoleSteps.SwitchLanguageAsync(page, "fr");
        await page.GotoAsync("anpr/hits");
        await ConsoleSteps.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=hits-empty]")).ToBeVisibleAsync();

        using var gateway = await node.SignedInAsync("officer");
        var sent = Stopwatch.StartNew();
        (await gateway.PostAsJsonAsync("api/v1/anpr/reads", new[]
        {
            new PlateReadInput("T-E19", "1-KLM-3B5", null, "BE", 0.92, DateTimeOffset.UtcNow.AddSeconds(-1), 51.479, 4.750),
        }, Ct)).EnsureSuccessStatusCode();

        await Expect(page.Locator("[data-testid=alert-item]")).ToBeVisibleAsync(new() { Timeout = 5_000 });
        TestContext.Current.SendDiagnosticMessage($"hit shown {sent.Elapsed.TotalMilliseconds:0} ms after the read was sent");
        sent.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
        await Expect(page.Locator("[data-testid=hit-action]")).ToHaveTextAsync("Saisir");
        await ConsoleSteps.KeepScreenshotAsync(page, "anpr-hit-board");

        await page.ClickAsync("[data-testid=hit-acknowledge]");
        // The board shows what is still to acknowledge by default; the acknowledged hit is one choice away.
        await Expect(page.Locator("[data-testid=hits-empty]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=alert-item]")).ToHaveCountAsync(0);
        await page.SelectOptionAsync("[data-testid=hits-filter-state]", "all");
        await Expect(page.Locator("[data-testid=hit-row]")).ToHaveAttributeAsync("data-acknowledged", "true");
        await Expect(page.Locator("[data-testid=hit-action]")).ToHaveTextAsync("Saisir");
    }

    [Fact]
    public async Task HotlistPage_DryRun_ReportsRejectedLines_AndStoresNothing()
    {
        await using var node = await TestNode.StartAsync(Testing.Store.Sqlite, "NL");
        await using var context = await browser.NewContextAsync(node);
        var page = await context.NewPageAsync();
        await ConsoleSteps.SignInAsync(page, "liaison");
        await ConsoleSteps.SwitchLanguageAsync(page, "en");
        await page.GotoAsync("anpr/hotlist");
        await ConsoleSteps.WaitUntilInteractiveAsync(page);

        await page.FillAsync("[data-testid=hotlist-csv]",
            "plate,category,action,validFrom,validTo,owner,assessment\nXR-528-D,stolen-vehicle,,,,NL,\nGZ-124-K,be-nl-shared-reference,,,,NL,\n");
        await page.ClickAsync("[data-testid=hotlist-dry-run]");

        await Expect(page.Locator("[data-testid=hotlist-report]")).ToContainTextAsync("Dry run: 1 valid, 1 rejected");
        await Expect(page.Locator("[data-testid=hotlist-report]")).ToContainTextAsync("assessment");
        await Expect(page.Locator("[data-testid=hotlist-table]")).Not.ToContainTextAsync("XR-528-D");
        await ConsoleSteps.KeepScreenshotAsync(page, "anpr-hotlist-dry-run");
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Node.Common.Persistence;
using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>The control room's Exchange page, clicked through in Chromium against two real nodes.</summary>
public sealed class ExchangePageTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task ControlRoom_PingsThePartner_ThenOpensTheSignedEnvelope_WhichIsAudited()
    {
        await using var network = await TestNetwork.StartAsync(["BE", "NL"]);
        var belgium = network["BE"];
        await using var context = await browser.NewContextAsync(belgium);
        var page = await context.NewPageAsync();
        await ConsoleSteps.SignInAsync(page, "controlroom");
        await ConsoleSteps.SwitchLanguageAsync(page, "en");

        await page.GotoAsync("exchange");
        await Expect(page.Locator("[data-testid=partner-NL]")).ToBeVisibleAsync();
        await ConsoleSteps.WaitUntilInteractiveAsync(page);
        await page.ClickAsync("[data-testid=ping-NL]");
        await Expect(page.Locator("[data-testid=ping-result-NL]")).ToContainTextAsync("ms");

        await page.Locator("[data-testid=exchange-messages] button[data-testid^=envelope-]").First.ClickAsync();
        await Expect(page.Locator("[data-testid=envelope-panel]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=receipt-json]")).ToContainTextAsync("Accepted");
        await ConsoleSteps.KeepScreenshotAsync(page, "exchange-envelope");

        await using var scope = belgium.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        (await db.AuditEntries.CountAsync(e => e.Action == "exchange.read" && e.Actor == "controlroom", TestContext.Current.CancellationToken)).ShouldBe(1);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Node.Common.Persistence;
using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>The DPO's witness section on the audit page, clicked through in Chromium against two real nodes.</summary>
public sealed class WitnessSectionTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Dpo_PublishesTheHead_AndSeesTheNetherlandsConfirmIt()
    {
        await using var network = await TestNetwork.StartAsync(["BE", "NL"]);
        var belgium = network["BE"];
        await belgium.AuditIntegratedAsync();
        await using var context = await browser.NewContextAsync(belgium);
        var page = await context.NewPageAsync();
        await ConsoleSteps.SignInAsync(page, "dpo");
        await ConsoleSteps.SwitchLanguageAsync(page, "en");

        await page.GotoAsync("audit");
        await Expect(page.Locator("[data-testid=witness-own-head]")).ToContainTextAsync("entries");
        await ConsoleSteps.WaitUntilInteractiveAsync(page);
        await page.ClickAsync("[data-testid=witness-publish]");

        await Expect(page.Locator("[data-testid=witness-published]")).ToContainTextAsync("sent to Netherlands");
        await Expect(page.Locator("[data-testid=witness-confirmation]")).ToContainTextAsync("Consistent");
        await ConsoleSteps.KeepScreenshotAsync(page, "audit-witness");
        await using var scope = belgium.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        (await db.AuditEntries.CountAsync(e => e.Action == "audit.heads-published" && e.Actor == "dpo", TestContext.Current.CancellationToken)).ShouldBe(1);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Node.Common.Persistence;
using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>
/// Need to know on the console's operation pages (issue 17 §1): an officer of another unit who opens the patrol's
/// pursuit by its address sees the page's "not found" state, and the visit is one audited denial, however long the live
/// page stays open; the list does not show it; the desk reads it but is not offered to end it.
/// </summary>
public sealed class NeedToKnowOperationPagesTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnotherUnitsOperation_IsNotFoundOnThePage_WithOneDenialPerVisit_AndTheDeskHasNoEndForm()
    {
        await using var node = await TestNode.StartAsync(country: "BE");
        await node.CreateAsync("ntkops-officer-b", "PZ Kempen Oost", "Officer", ["BE-VAN"]);
        using var tracker = await node.SignedInAsync("officer");
        var operation = await PursuitAlertTests.StartPursuitAsync(tracker);
        await using var context = await browser.NewContextAsync(node);
        var page = await context.NewPageAsync();
        await ConsoleSteps.SignInAsync(page, "ntkops-officer-b", OtherUnitUsers.Password);

        var answer = await page.GotoAsync($"operations/{operation.Id}");
        await ConsoleSteps.WaitUntilInteractiveAsync(page);

        answer!.Status.ShouldBe(404);
        await Expect(page.Locator("[data-testid=not-found]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=units-table]")).ToHaveCountAsync(0);
        // The page reloads every second while open: let a few reloads pass, then count.
        await page.WaitForTimeoutAsync(3_000);
        (await DenialsAsync(node, "ntkops-officer-b")).ShouldBe(1);
        await page.GotoAsync("operations");
        await ConsoleSteps.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator($"a[href='/operations/{operation.Id}']")).ToHaveCountAsync(0);

        await using var desk = await browser.NewContextAsync(node);
        var deskPage = await desk.NewPageAsync();
        await ConsoleSteps.SignInAsync(deskPage, "liaison");
        await deskPage.GotoAsync($"operations/{operation.Id}");
        await ConsoleSteps.WaitUntilInteractiveAsync(deskPage);
        await Expect(deskPage.Locator("[data-testid=units-table]")).ToContainTextAsync("WPR-ANT-12");
        await Expect(deskPage.Locator("[data-testid=end-submit]")).ToHaveCountAsync(0);
    }

    private static async Task<int> DenialsAsync(TestNode node, string user)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SenningenDbContext>().AuditEntries
            .CountAsync(e => e.Actor == user && e.Action == "access.denied", Ct);
    }
}

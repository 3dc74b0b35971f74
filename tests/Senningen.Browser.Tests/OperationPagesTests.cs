using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Node.Features.Operations.Data;
using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>
/// A Belgian officer's operation from the console alone, in Chromium against a real node: the start form names what is
/// missing, then starts it; the operation's page ends it with an outcome; the report page shows the kept report. The
/// demo's simulation starts a pursuit as the signed-in officer. Each step goes through the same use case as the API.
/// </summary>
public sealed class OperationPagesTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartFormEndFormAndReportPage_RunAnOperationFromStartToReport()
    {
        await using var node = await TestNode.StartAsync(country: "BE");
        await using var context = await browser.NewContextAsync(node);
        var page = await context.NewPageAsync();
        await ConsoleSteps.SignInAsync(page, "officer");
        await page.GotoAsync("operations");
        await ConsoleSteps.WaitUntilInteractiveAsync(page);

        await page.FillAsync("[data-testid=start-units]", "BE-UI1; Skoda Octavia");
        await page.ClickAsync("[data-testid=start-submit]");
        await Expect(page.Locator("[data-testid=start-errors] li")).ToHaveCountAsync(1);
        await page.FillAsync("[data-testid=start-reason]", "Armed robbery of a petrol station");
        await page.ClickAsync("[data-testid=start-submit]");

        await page.WaitForURLAsync("**/operations/*");
        var id = Guid.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..]);
        await ConsoleSteps.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=units-table]")).ToContainTextAsync("BE-UI1");
        await page.SelectOptionAsync("[data-testid=end-outcome]", "lost");
        await page.ClickAsync("[data-testid=end-submit]");
        await Expect(page.Locator("[data-testid=report-link]")).ToBeVisibleAsync();

        await page.ClickAsync("[data-testid=report-link]");
        await Expect(page.Locator("[data-testid=report]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=report]")).ToContainTextAsync("BE-UI1");
        await ConsoleSteps.KeepScreenshotAsync(page, "operation-report-be");

        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Senningen.Node.Common.Persistence.SenningenDbContext>();
        var operation = await db.Operations.AsNoTracking().SingleAsync(o => o.Id == id, Ct);
        (operation.StartedBy, operation.Outcome).ShouldBe(("officer", "lost"));
        operation.Report.ShouldNotBeNull();
        var reads = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "operation.read" && e.Actor == "officer").CountAsync(Ct);
        reads.ShouldBeGreaterThanOrEqualTo(2, "the operation's page and its report are audited as the officer's reads");
    }

    [Fact]
    public async Task SimulationPanel_StartsThePursuitAsTheSignedInOfficer()
    {
        await using var node = await TestNode.StartAsync(country: "BE");
        await using var context = await browser.NewContextAsync(node);
        var page = await context.NewPageAsync();
        await ConsoleSteps.SignInAsync(page, "controlroom");
        await page.GotoAsync("operations");
        await ConsoleSteps.WaitUntilInteractiveAsync(page);

        // Baarle at 30 km/h: at the default four times that stays within the speed a fix may report.
        await page.ClickAsync("[data-testid=simulate-baarle-enclaves]");

        await page.WaitForURLAsync("**/operations/*");
        await ConsoleSteps.WaitUntilInteractiveAsync(page);
        // The replay's first fix places the unit: its country and zone appear on the page.
        await Expect(page.Locator("[data-testid=unit-country]").First).ToContainTextAsync("·", new() { Timeout = 15_000 });
        await page.ClickAsync("[data-testid=end-submit]");
        await Expect(page.Locator("[data-testid=report-link]")).ToBeVisibleAsync();
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Senningen.Node.Common.Persistence.SenningenDbContext>();
        (await db.Operations.AsNoTracking().SingleAsync(Ct)).StartedBy.ShouldBe("controlroom");
    }
}

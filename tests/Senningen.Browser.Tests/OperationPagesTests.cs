using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Contracts.Operations;
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
        // No outcome is preset: ending without choosing one is refused, naming the field, and the operation stays active.
        await Expect(page.Locator("[data-testid=end-outcome]")).ToHaveValueAsync("");
        await page.ClickAsync("[data-testid=end-submit]");
        await Expect(page.Locator("[data-testid=end-problem]")).ToContainTextAsync("outcome");
        await Expect(page.Locator("[data-testid=report-link]")).ToHaveCountAsync(0);
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
    public async Task SimulationPanel_TheHeadlineDemoAtTheDefaultSpeedUp_MovesTheCarAndNoFixIsRefused()
    {
        await using var node = await TestNode.StartAsync(country: "BE");
        await using var context = await browser.NewContextAsync(node);
        var page = await context.NewPageAsync();
        await ConsoleSteps.SignInAsync(page, "controlroom");
        await page.GotoAsync("operations");
        await ConsoleSteps.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=simulate-speed]")).ToHaveValueAsync("4");

        // README step 5: E19 Antwerpen–Breda at 130 km/h; at 4× it used to stamp 520 km/h and every fix was refused.
        await page.ClickAsync("[data-testid=simulate-e19-antwerpen-breda]");

        await page.WaitForURLAsync("**/operations/*");
        var id = Guid.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..]);
        await ConsoleSteps.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=unit-country]").First).ToContainTextAsync("·", new() { Timeout = 15_000 });
        await using (var scope = node.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Senningen.Node.Common.Persistence.SenningenDbContext>();
            // Four fixes a second of wall clock: a dozen within a few seconds, all kept, the car moving.
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (await db.UnitFixes.CountAsync(f => f.OperationId == id, Ct) < 12 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250, Ct);
            }

            var fixes = await db.UnitFixes.AsNoTracking().Where(f => f.OperationId == id).OrderBy(f => f.Time).ToListAsync(Ct);
            fixes.Count.ShouldBeGreaterThanOrEqualTo(12);
            fixes.ShouldAllBe(f => f.Speed <= 130);
            (fixes[^1].Lat, fixes[^1].Lon).ShouldNotBe((fixes[0].Lat, fixes[0].Lon));
            (await db.RefusedFixes.CountAsync(r => r.OperationId == id, Ct)).ShouldBe(0);
            (await db.Operations.AsNoTracking().SingleAsync(Ct)).StartedBy.ShouldBe("controlroom");
        }

        await Expect(page.Locator("[data-testid=refused-fixes]")).ToHaveCountAsync(0);
        await page.SelectOptionAsync("[data-testid=end-outcome]", "lost");
        await page.ClickAsync("[data-testid=end-submit]");
        await Expect(page.Locator("[data-testid=report-link]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task RefusedFixes_AppearLiveOnTheOperationPage_HowManyWhyAndWhen_InDutch()
    {
        await using var node = await TestNode.StartAsync(country: "BE");
        using var tracker = await node.SignedInAsync("officer");
        var operation = await PursuitAlertTests.StartPursuitAsync(tracker);
        await using var context = await browser.NewContextAsync(node);
        var page = await context.NewPageAsync();
        await ConsoleSteps.SignInAsync(page, "controlroom");
        await ConsoleSteps.SwitchLanguageAsync(page, "nl");
        await page.GotoAsync($"operations/{operation.Id}");
        await ConsoleSteps.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=refused-fixes]")).ToHaveCountAsync(0);

        var now = DateTimeOffset.UtcNow;
        await tracker.PostAsJsonAsync($"api/v1/operations/{operation.Id}/positions", new PositionBatch(
        [
            new("WPR-ANT-12", 51.40, 4.70, now.AddSeconds(-3), 110, 10, 5),
            new("WPR-ANT-12", 51.41, 4.70, now.AddSeconds(-2), 520, 10, 5),
            new("WPR-ANT-12", 51.42, 4.70, now.AddSeconds(-1), 520, 10, 5),
            new("WPR-ANT-12", 51.43, 4.70, now.AddHours(1), 110, 10, 5),
        ]), Ct);

        var refused = page.Locator("[data-testid=refused-fixes]");
        await Expect(refused).ToContainTextAsync("Geweigerde posities", new() { Timeout = 5_000 });
        await Expect(refused).ToContainTextAsync("3 positie(s) niet bewaard");
        await Expect(page.Locator("[data-testid=refused-speed]")).ToContainTextAsync("2 × onmogelijke snelheid (meer dan 500 km/u)");
        await Expect(page.Locator("[data-testid=refused-future]")).ToContainTextAsync("1 × tijdstip in de toekomst");
        // Dutch date and time, day first, Benelux time (not 12/7/2026 as in US English).
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Senningen.Node.Common.Localization.ConsoleTime.Zone);
        await Expect(page.Locator("[data-testid=refused-speed]")).ToContainTextAsync(
            new System.Text.RegularExpressions.Regex($@"· {today.Day}[-/]{today.Month}[-/]{today.Year} \d{{2}}:\d{{2}}:\d{{2}}"));
        await ConsoleSteps.KeepScreenshotAsync(page, "operation-refused-fixes-nl");
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Senningen.Contracts.Anpr;
using Senningen.Contracts.Requests;
using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>
/// The hit board after a shift of traffic (issue 21): 10,000 hits over 300 listed vehicles and six cameras, seeded
/// through the public API. The board opens fast, as a page of grouped rows with a bounded DOM, the seizures on top;
/// its filters and grouping are checked on a smaller shift. Then the control rooms' other pages after a shift of
/// pursuits and requests: 50 Belgian operations that crossed into the Netherlands, 200 requests between the two and
/// 10,000 hits; the Dutch alerts page and both dashboards open fast with a bounded DOM.
/// </summary>
[Collection(TimedAlone.Name)]
public sealed class CompressedShiftTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HitBoard_After10000Hits_OpensUnderASecond_WithABoundedDom()
    {
        await using var node = await TestNode.StartAsync();
        var seeding = await ShiftOfHits.SeedAsync(node, 10_000, entries: 300, cameras: 6, ct: Ct);
        TestContext.Current.SendDiagnosticMessage($"10,000 hits seeded through the API in {seeding.TotalMilliseconds:0} ms");
        // The shift's cameras stand in several control rooms' zones: the national desk's board holds them all (need to know).
        using (var controlRoom = await node.SignedInAsync("liaison"))
        {
            var asked = Stopwatch.StartNew();
            var first = (await controlRoom.GetFromJsonAsync<HitGroupPage>("api/v1/anpr/hits/groups?since=" + Uri.EscapeDataString(
                DateTimeOffset.UtcNow.AddHours(-12).ToString("O", CultureInfo.InvariantCulture)), Ct))!;
            TestContext.Current.SendDiagnosticMessage($"first page of {first.Total} groups from the API in {asked.Elapsed.TotalMilliseconds:0} ms");
            (first.Total, first.Groups.Sum(g => g.Count) > 1_600).ShouldBe((300, true));
        }

        await using var context = await browser.NewContextAsync(node);
        var page = await context.NewPageAsync();
        await ConsoleSteps.SignInAsync(page, "liaison");
        await ConsoleSteps.SwitchLanguageAsync(page, "nl");

        var opening = Stopwatch.StartNew();
        await page.GotoAsync("anpr/hits");
        await ConsoleSteps.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=hit-row]")).ToHaveCountAsync(50);
        opening.Stop();

        TestContext.Current.SendDiagnosticMessage($"hit board with 10,000 hits interactive, rows shown, in {opening.Elapsed.TotalMilliseconds:0} ms");
        // The issue's floor is one second; the bound leaves room for a loaded CI machine.
        opening.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
        var elements = await page.EvaluateAsync<int>("document.getElementsByTagName('*').length");
        var height = await page.EvaluateAsync<int>("document.documentElement.scrollHeight");
        TestContext.Current.SendDiagnosticMessage($"{elements} elements, page {height} px tall");
        elements.ShouldBeLessThan(5_000);
        height.ShouldBeLessThan(4_500);
        await Expect(page.Locator("[data-testid=hits-total]")).ToHaveTextAsync("300 gesignaleerd(e) voertuig(en) met hits · pagina 1 van 6");
        // 75 of the 300 entries ask for a seizure (stolen plates and SIS seizures): the whole first page.
        await Expect(page.Locator("[data-testid=hit-action]")).ToHaveTextAsync([.. Enumerable.Repeat("In beslag nemen", 50)]);
        var counts = await page.Locator("[data-testid=hit-count]").AllInnerTextsAsync();
        counts.ShouldAllBe(c => c == "33" || c == "34");
        await Expect(page.Locator("[data-testid=hit-cameras]").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[^,]+ \+5$"));
        await Expect(page.Locator("[data-testid=alert-item]")).ToHaveCountAsync(3);
        await ConsoleSteps.KeepScreenshotAsync(page, "anpr-hit-board-after-a-shift");

        await page.ClickAsync("[data-testid=hits-next]");
        await Expect(page.Locator("[data-testid=hits-page]")).ToHaveTextAsync("Pagina 2 van 6");
        await Expect(page.Locator("[data-testid=hit-row]")).ToHaveCountAsync(50);
    }

    [Fact]
    public async Task HitBoard_GroupsSightings_WithCountFirstAndLastSeen_AndFiltersByActionCameraAndState()
    {
        await using var node = await TestNode.StartAsync();
        // 60 hits of 12 entries, 5 each; entry 7 is the one on the shared reference list (report only).
        await ShiftOfHits.SeedAsync(node, 60, entries: 12, cameras: 5, ct: Ct);
        // Five cameras in several zones: the national desk's board holds them all (need to know).
        using var controlRoom = await node.SignedInAsync("liaison");
        var report = (await controlRoom.GetFromJsonAsync<HitGroupPage>("api/v1/anpr/hits/groups?action=report-only", Ct))!.Groups.ShouldHaveSingleItem();
        await using var context = await browser.NewContextAsync(node);
        var page = await context.NewPageAsync();
        await ConsoleSteps.SignInAsync(page, "liaison");
        await ConsoleSteps.SwitchLanguageAsync(page, "nl");
        await page.GotoAsync("anpr/hits");
        await ConsoleSteps.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=hit-row]")).ToHaveCountAsync(12);

        await page.SelectOptionAsync("[data-testid=hits-filter-action]", "report-only");

        var row = page.Locator("[data-testid=hit-row]");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("[data-testid=hit-action]")).ToHaveTextAsync("Alleen melden");
        await Expect(row.Locator("[data-testid=hit-plate]")).ToHaveTextAsync(ShiftOfHits.PlateOf(7).Replace("-", "", StringComparison.Ordinal));
        await Expect(row.Locator("[data-testid=hit-count]")).ToHaveTextAsync("5");
        await Expect(row.Locator("[data-testid=hit-first-seen]")).ToContainTextAsync(Local(report.FirstSeen));
        await Expect(row.Locator("[data-testid=hit-last-seen]")).ToContainTextAsync(Local(report.LastSeen));
        report.LastSeen.ShouldBeGreaterThan(report.FirstSeen);
        // Every camera saw it: one name and how many more on the row, all five in its title.
        report.Cameras.Count.ShouldBe(5);
        await Expect(row.Locator("[data-testid=hit-cameras]")).ToHaveTextAsync($"{report.Cameras[0]} +4");
        await Expect(row.Locator("[data-testid=hit-cameras]")).ToHaveAttributeAsync("title", string.Join(", ", report.Cameras));
        await ConsoleSteps.KeepScreenshotAsync(page, "anpr-hit-board-report-only");

        await page.SelectOptionAsync("[data-testid=hits-filter-action]", "");
        await page.SelectOptionAsync("[data-testid=hits-filter-camera]", new SelectOptionValue { Label = "E40 Jabbeke" });
        await Expect(page.Locator("[data-testid=hit-count]")).ToHaveTextAsync([.. Enumerable.Repeat("1", 12)]);
        await Expect(page.Locator("[data-testid=hit-cameras]")).ToHaveTextAsync([.. Enumerable.Repeat("E40 Jabbeke", 12)]);

        await page.SelectOptionAsync("[data-testid=hits-filter-camera]", "");
        await page.SelectOptionAsync("[data-testid=hits-filter-category]", "sis-seizure");
        await Expect(row).ToHaveCountAsync(1);
        await row.Locator("[data-testid=hit-acknowledge]").ClickAsync();
        await Expect(page.Locator("[data-testid=hits-empty]")).ToBeVisibleAsync();

        await page.SelectOptionAsync("[data-testid=hits-filter-state]", "acknowledged");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToHaveAttributeAsync("data-acknowledged", "true");
        await Expect(row.Locator("[data-testid=hit-count]")).ToHaveTextAsync("5");
        await page.SelectOptionAsync("[data-testid=hits-filter-category]", "");
        await page.SelectOptionAsync("[data-testid=hits-filter-state]", "unacknowledged");
        await Expect(page.Locator("[data-testid=hits-total]")).ToContainTextAsync("11 gesignaleerd(e) voertuig(en)");
    }

    [Fact]
    public async Task AlertsAndDashboards_After50OperationsAnd200RequestsAnd10000Hits_OpenUnderASecond_WithABoundedDom()
    {
        await using var network = await TestNetwork.StartAsync(["BE", "NL"]);
        var seeding = Stopwatch.StartNew();
        await ShiftOfHits.SeedAsync(network["BE"], 10_000, entries: 300, cameras: 6, ct: Ct);
        using var tracker = await network["BE"].SignedInAsync("officer");
        for (var i = 0; i < 50; i++)
        {
            await CrossIntoTheNetherlandsAsync(tracker, string.Create(CultureInfo.InvariantCulture, $"WPR-ANT-{i + 20}"));
        }

        for (var i = 0; i < 200; i++)
        {
            var draft = await RequestSteps.DraftMaterialLoanAsync(tracker, string.Create(CultureInfo.InvariantCulture, $"BE-2026-{1000 + i}"),
                "Dranghekken", 1 + (i % 40), "Carnaval Maastricht", "Gereinigd");
            await RequestSteps.SubmitAsync(tracker, draft);
        }

        TestContext.Current.SendDiagnosticMessage($"10,000 hits, 50 crossings and 200 requests seeded in {seeding.Elapsed.TotalSeconds:0} s");
        using (var dutchRoom = await network["NL"].SignedInAsync("controlroom"))
        {
            // Everything has reached the partner before the pages are timed.
            for (var waited = Stopwatch.StartNew(); ; await Task.Delay(500, Ct))
            {
                var alerts = (await dutchRoom.GetFromJsonAsync<List<Senningen.Contracts.Operations.AlertView>>("api/v1/alerts", Ct))!.Count;
                if (alerts >= 50)
                {
                    break;
                }

                waited.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60), $"only {alerts} of 50 alerts reached the Dutch node");
            }
        }

        var measured = new List<string>();
        foreach (var (country, path, ready, name) in new[]
        {
            ("NL", "alerts", "[data-testid=alert-card]", "alerts"),
            ("NL", "", "[data-testid=dashboard-alerts]", "dashboard-nl"),
            ("BE", "", "[data-testid=dashboard-abroad]", "dashboard-be"),
        })
        {
            await using var context = await browser.NewContextAsync(network[country]);
            var page = await context.NewPageAsync();
            await ConsoleSteps.SignInAsync(page, "controlroom");
            await ConsoleSteps.SwitchLanguageAsync(page, "nl");
            await page.GotoAsync("about");
            var opening = Stopwatch.StartNew();
            await page.GotoAsync(path);
            await ConsoleSteps.WaitUntilInteractiveAsync(page);
            await Expect(page.Locator(ready).First).ToBeVisibleAsync();
            opening.Stop();
            var elements = await page.EvaluateAsync<int>("document.getElementsByTagName('*').length");
            var height = await page.EvaluateAsync<int>("document.documentElement.scrollHeight");
            measured.Add($"{name}: {opening.Elapsed.TotalMilliseconds:0} ms, {elements} elements, {height} px");
            await ConsoleSteps.KeepScreenshotAsync(page, $"shift-{name}");
            opening.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3), string.Join("; ", measured));
            elements.ShouldBeLessThan(5_000, string.Join("; ", measured));
            // A screenful or a few, not a page that grows with every alert (50 cards were 29,000 px).
            height.ShouldBeLessThan(6_000, string.Join("; ", measured));
        }

        TestContext.Current.SendDiagnosticMessage(string.Join("; ", measured));

        // The 47 alerts the banner does not hold are announced, and the cards come ten a page.
        await using var alertsContext = await browser.NewContextAsync(network["NL"]);
        var alertsPage = await alertsContext.NewPageAsync();
        await ConsoleSteps.SignInAsync(alertsPage, "controlroom");
        await ConsoleSteps.SwitchLanguageAsync(alertsPage, "nl");
        await alertsPage.GotoAsync("alerts");
        await ConsoleSteps.WaitUntilInteractiveAsync(alertsPage);
        await Expect(alertsPage.Locator("[data-testid=alert-item]")).ToHaveCountAsync(3);
        await Expect(alertsPage.Locator("[data-testid=alerts-more-waiting]")).ToContainTextAsync("Nog 47 melding(en)");
        await Expect(alertsPage.Locator("[data-testid=alert-card]")).ToHaveCountAsync(10);
        await Expect(alertsPage.Locator("[data-testid=alerts-page]")).ToHaveTextAsync("Pagina 1 van 5");
        await alertsPage.ClickAsync("[data-testid=alerts-next]");
        await Expect(alertsPage.Locator("[data-testid=alerts-page]")).ToHaveTextAsync("Pagina 2 van 5");
        await Expect(alertsPage.Locator("[data-testid=alert-card]")).ToHaveCountAsync(10);
    }

    /// <summary>A pursuit by one unit from near Meer to past Hazeldonk, its last minute of fixes sent in one batch.</summary>
    private static async Task CrossIntoTheNetherlandsAsync(HttpClient tracker, string unit)
    {
        var started = await tracker.PostAsJsonAsync("api/v1/operations", new Senningen.Contracts.Operations.StartOperationRequest("hot-pursuit",
            [new Senningen.Contracts.Operations.OperationUnitInput(unit, "BMW 530d", 2)], ["1-XYZ-987"], "Twee mannen", "Overval op een juwelier",
            "BE-VAN", "PV-BR-77", null, null), Ct);
        started.EnsureSuccessStatusCode();
        var operation = (await started.Content.ReadFromJsonAsync<Senningen.Contracts.Operations.OperationView>(Ct))!;
        const int steps = 240;
        var start = DateTimeOffset.UtcNow.AddMilliseconds(-250 * steps);
        var fixes = Enumerable.Range(0, steps + 1).Select(i => new Senningen.Contracts.Operations.PositionFixInput(unit,
            51.460 + (i * 0.060 / steps), 4.740 + (i * 0.025 / steps), start.AddMilliseconds(250 * i), 90, 15, 6)).ToList();
        var response = await tracker.PostAsJsonAsync($"api/v1/operations/{operation.Id}/positions",
            new Senningen.Contracts.Operations.PositionBatch(fixes), Ct);
        response.EnsureSuccessStatusCode();
        var result = (await response.Content.ReadFromJsonAsync<Senningen.Contracts.Operations.PositionBatchResult>(Ct))!;
        result.Crossings.ShouldNotBeEmpty($"{unit}: {result.Accepted} accepted, {result.Rejected.Count} rejected");
    }

    // The board shows Benelux wall-clock time; Dutch writes it 24-hour.
    private static string Local(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels")).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Senningen.Contracts.Requests;
using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>
/// The Belgian desk's dashboard charts in Chromium against real BE and NL nodes: two Dutch information requests, one
/// answered (refused) at once, show as an open request in the 7-day band and an answer within the deadline this month,
/// drawn by Chart.js and listed in the figures under each chart, in Dutch and in French (screenshots kept). The API gives
/// the same counts to the desk and refuses an officer.
/// </summary>
[Collection(TimedAlone.Name)]
public sealed class DeskDashboardTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeskSeesItsCountsAsCharts_InDutchAndFrench_AndTheApiAgrees()
    {
        await using var network = await TestNetwork.StartAsync(["BE", "NL"]);
        using var officer = await network["NL"].SignedInAsync("officer");
        using var desk = await network["BE"].SignedInAsync("liaison");
        var answered = await RequestSteps.SendInformationRequestAsync(officer, "urgent");
        var open = await RequestSteps.SendInformationRequestAsync(officer, "normal");
        await RequestSteps.WaitReceivedAsync(desk, answered);
        await RequestSteps.WaitReceivedAsync(desk, open);
        (await desk.PostAsJsonAsync($"api/v1/requests/{answered}/transitions", new TransitionInput("refuse", "Not held", RefusalGround: "not-available"), Ct))
            .EnsureSuccessStatusCode();
        var month = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Senningen.Core.Statistics.DirectiveStatistics.Zone)
            .ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        using (var api = JsonDocument.Parse(await desk.GetStringAsync("api/v1/statistics/dashboard", Ct)))
        {
            var bands = api.RootElement.GetProperty("openByDeadline");
            bands.GetProperty("labels")[3].GetString().ShouldBe("within-7-days");
            bands.GetProperty("lines")[0].GetProperty("values").EnumerateArray().Select(v => v.GetInt32()).ShouldBe([0, 0, 0, 1, 0]);
        }

        using var beOfficer = await network["BE"].SignedInAsync("officer");
        (await beOfficer.GetAsync("api/v1/statistics/dashboard", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await using var context = await browser.NewContextAsync(network["BE"]);
        var page = await context.NewPageAsync();
        await ConsoleSteps.SignInAsync(page, "liaison");
        foreach (var (language, title, band, within) in new[]
        {
            ("nl", "Dashboard van de desk", "Binnen 7 dagen", "Binnen de termijn"),
            ("fr", "Tableau de bord du point de contact", "Dans les 7 jours", "Dans le délai"),
        })
        {
            await page.GotoAsync("statistics/dashboard");
            await ConsoleSteps.SwitchLanguageAsync(page, language);
            await page.GotoAsync("statistics/dashboard");
            await ConsoleSteps.WaitUntilInteractiveAsync(page);
            await Expect(page.Locator("h1")).ToContainTextAsync(title);

            var openChart = page.Locator("[data-testid=chart-open-by-deadline]");
            await Expect(openChart).ToHaveAttributeAsync("data-total", "1");
            // Chart.js drew the bars: the module marks the canvas with the number of categories it drew.
            await Expect(openChart.Locator("canvas")).ToHaveAttributeAsync("data-drawn", "5", new() { Timeout = 15_000 });
            var bandRow = openChart.Locator("[data-testid=chart-row][data-label=within-7-days]");
            await Expect(bandRow.Locator("th")).ToHaveTextAsync(band);
            await Expect(bandRow.Locator("td")).ToHaveTextAsync("1");

            var answers = page.Locator("[data-testid=chart-answers-by-month]");
            await Expect(answers.Locator("canvas")).ToHaveAttributeAsync("data-drawn", "12");
            await Expect(answers.Locator("thead th").Nth(1)).ToHaveTextAsync(within);
            await Expect(answers.Locator($"[data-testid=chart-row][data-label='{month}'] td")).ToHaveTextAsync(["1", "0"]);

            foreach (var chart in new[] { "chart-crossings-and-alerts", "chart-hits-per-week", "chart-consultations-per-context" })
            {
                await Expect(page.Locator($"[data-testid={chart}] h2")).Not.ToBeEmptyAsync();
            }

            await ConsoleSteps.KeepScreenshotAsync(page, $"desk-dashboard-{language}");
        }
    }
}

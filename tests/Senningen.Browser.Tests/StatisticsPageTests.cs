using System.Net.Http.Json;
using Senningen.Contracts.Requests;
using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>
/// The Belgian desk's art. 18 statistics page in Chromium against real BE and NL nodes: two Dutch information requests,
/// one refused on the request's page for a ground picked there, show as figures in Dutch and in French, with the CSV link and the printed page kept.
/// </summary>
[Collection(TimedAlone.Name)]
public sealed class StatisticsPageTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeskSeesTheYearsFigures_InDutchAndFrench_WithCsvAndPrint()
    {
        await using var network = await TestNetwork.StartAsync(["BE", "NL"]);
        using var officer = await network["NL"].SignedInAsync("officer");
        using var desk = await network["BE"].SignedInAsync("liaison");
        var refused = await RequestSteps.SendInformationRequestAsync(officer, "urgent");
        var other = await RequestSteps.SendInformationRequestAsync(officer, "normal");
        await RequestSteps.WaitReceivedAsync(desk, refused);
        await RequestSteps.WaitReceivedAsync(desk, other);
        await using var context = await browser.NewContextAsync(network["BE"]);
        var page = await context.NewPageAsync();
        await ConsoleSteps.SignInAsync(page, "liaison");

        // The desk refuses on the request's page in Dutch, picking the art. 6 ground the figures count.
        await page.GotoAsync($"requests/{refused}");
        await ConsoleSteps.SwitchLanguageAsync(page, "nl");
        await page.GotoAsync($"requests/{refused}");
        await ConsoleSteps.WaitUntilInteractiveAsync(page);
        var grounds = page.Locator("[data-testid=request-refusal-ground]");
        await Expect(page.Locator("label", new() { Has = grounds })).ToContainTextAsync("Weigeringsgrond");
        await Expect(grounds.Locator("option[value=minor-offence]")).ToHaveTextAsync("Strafbaar met ten hoogste een jaar of geen strafbaar feit (art. 6, lid 1, g)");
        await grounds.SelectOptionAsync("minor-offence");
        await page.FillAsync("[data-testid=request-reason]", "Alleen een geldboete");
        await page.ClickAsync("[data-testid=request-action-refuse]");
        await Expect(page.Locator("[data-testid=request-state]")).ToHaveAttributeAsync("data-state", "refused", new() { Timeout = 10_000 });
        var year = Senningen.Core.Statistics.DirectiveStatistics.YearOf(
            (await desk.GetFromJsonAsync<RequestView>($"api/v1/requests/{refused}", Ct))!.Summary.SubmittedAt!.Value);
        foreach (var (language, heading, ground) in new[]
        {
            ("nl", "Statistieken voor de Commissie", "Strafbaar met ten hoogste een jaar"),
            ("fr", "Statistiques pour la Commission", "Infraction punie d'un an au plus"),
        })
        {
            await page.GotoAsync($"statistics?year={year}");
            await ConsoleSteps.SwitchLanguageAsync(page, language);
            await page.GotoAsync($"statistics?year={year}");
            await Expect(page.Locator("h1")).ToContainTextAsync(heading);
            var received = page.Locator("[data-testid=statistics-received] [data-testid=statistics-row][data-country=NL] td");
            await Expect(received).ToHaveTextAsync(["1", "1", "0", "0"]);
            var refusal = page.Locator("[data-testid=statistics-refusals] [data-testid=statistics-row][data-country=NL]");
            await Expect(refusal).ToContainTextAsync(ground);
            await Expect(refusal.Locator("td").Last).ToHaveTextAsync("1");
            await Expect(page.Locator("[data-testid=statistics-sent] [data-testid=statistics-none]")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-testid=statistics-csv]")).ToHaveAttributeAsync("href", $"/api/v1/statistics/directive-2023-977?year={year}&format=csv");
            await ConsoleSteps.KeepScreenshotAsync(page, $"statistics-{language}");
        }

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=statistics-csv]"));
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!, Ct);
        csv.ShouldContain($"\"Refus par motif (art. 18, par. 2, c)\",\"Infraction punie d'un an au plus ou non pénale (art. 6, par. 1, g)\",NL,1,{year}");

        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
        await Expect(page.Locator("nav.nav")).ToBeHiddenAsync();
        await Expect(page.Locator("[data-testid=statistics-show]")).ToBeHiddenAsync();
        await Expect(page.Locator("[data-testid=statistics-received] table")).ToBeVisibleAsync();
        await ConsoleSteps.KeepFileAsync("statistics-fr.pdf", await page.PdfAsync());
    }
}

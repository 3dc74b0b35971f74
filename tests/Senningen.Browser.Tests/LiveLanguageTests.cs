using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Senningen.Contracts.Anpr;
using Senningen.Contracts.Operations;
using Senningen.Contracts.Requests;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Registry.Data;
using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>
/// A render that the change feed triggers happens on the publisher's thread: it must still be in the operator's
/// language and date format. The page records every text the alert card ever showed, so an English render that the
/// next poll would have corrected still fails the test.
/// </summary>
public sealed class LiveLanguageTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("nl", "Bevestigen")]
    [InlineData("fr", "Accuser réception")]
    public async Task AlertArrivingLive_IsShownInTheOperatorsLanguageAndDateFormat(string language, string acknowledge)
    {
        await using var network = await TestNetwork.StartAsync(["BE", "NL"]);
        using var tracker = await network["BE"].SignedInAsync("officer");
        var operation = await PursuitAlertTests.StartPursuitAsync(tracker);

        await using var context = await browser.NewContextAsync(network["NL"]);
        var page = await context.NewPageAsync();
        await ConsoleSteps.SignInAsync(page, "controlroom");
        await ConsoleSteps.SwitchLanguageAsync(page, language);
        await page.GotoAsync("alerts");
        await ConsoleSteps.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=alerts-empty]")).ToBeVisibleAsync();
        await page.EvaluateAsync("""
            () => {
              window.shown = [];
              new MutationObserver(() => {
                for (const card of document.querySelectorAll('[data-testid=alert-card]')) window.shown.push(card.innerText);
              }).observe(document.body, { childList: true, subtree: true, characterData: true });
            }
            """);

        await PursuitAlertTests.DriveUntilCrossingAsync(tracker, operation.Id);
        await Expect(page.Locator("[data-testid=alert-card]")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await page.WaitForTimeoutAsync(1_500);

        var shown = await page.EvaluateAsync<string[]>("() => window.shown");
        shown.ShouldNotBeEmpty();
        foreach (var text in shown)
        {
            text.ShouldContain(acknowledge, customMessage: "a render of the live alert was not in the operator's language");
            text.ShouldNotContain("Acknowledge");
            // Dates as the language writes them (6-12-2026 or 06/12/2026), never the US month first with AM/PM.
            text.ShouldNotMatch(@"\b(AM|PM)\b");
        }

        await ConsoleSteps.KeepScreenshotAsync(page, $"live-alert-{language}");
    }

    /// <summary>
    /// Every console page that updates live, open while its update arrives, in Dutch, French and German: the operation
    /// page and the dashboard of the Belgian control room, the hit board, a request answered by the partner, a
    /// consultation answered by the partner, and the Dutch alerts page. None of them may show, at any moment, a text of
    /// the English table that differs from the language's own, nor a date or time written the American way.
    /// </summary>
    [Theory]
    [InlineData("nl")]
    [InlineData("fr")]
    [InlineData("de")]
    public async Task EveryLivePage_KeepsTheOperatorsLanguage_WhileItsUpdatesArrive(string language)
    {
        var leaks = EnglishLeaks.For(language);
        await using var network = await TestNetwork.StartAsync(["BE", "NL"]);
        var be = network["BE"];

        using var admin = await be.SignedInAsync("admin");
        (await admin.PostAsJsonAsync("api/v1/anpr/cameras", new RegisterCameraRequest("T-E19", "Federale Politie", "E19 Meer",
            51.479, 4.750, "N", "police", null, null), Ct)).EnsureSuccessStatusCode();
        using var csv = new StringContent("plate,category,validFrom\n1-KLM-385,sis-seizure,2026-01-01T00:00:00Z\n", Encoding.UTF8, "text/csv");
        (await admin.PostAsync("api/v1/anpr/hotlist/import", csv, Ct)).EnsureSuccessStatusCode();

        using var tracker = await be.SignedInAsync("officer");
        var operation = await PursuitAlertTests.StartPursuitAsync(tracker);
        var request = await SubmitMaterialLoanAsync(tracker);

        var pages = new Dictionary<string, IPage>();
        await using var officer = await OpenAsync(be, "officer", language);
        pages["operation"] = await GoAsync(officer, $"operations/{operation.Id}");
        pages["request"] = await GoAsync(officer, $"requests/{request.Summary.Id}");
        pages["consultation"] = await GoAsync(officer, "consultation");
        await using var room = await OpenAsync(be, "controlroom", language);
        pages["dashboard"] = await GoAsync(room, "");
        pages["hit board"] = await GoAsync(room, "anpr/hits");
        await using var dutchRoom = await OpenAsync(network["NL"], "controlroom", language);
        pages["alerts"] = await GoAsync(dutchRoom, "alerts");

        // The updates: a crossing (alerts, operation, dashboard), its acknowledgement, a hit, the partner's answer to
        // the request, and the partner's answer to a search made on the page.
        await PursuitAlertTests.DriveUntilCrossingAsync(tracker, operation.Id);
        await Expect(pages["alerts"].Locator("[data-testid=alert-card]")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        using var dutchDesk = await network["NL"].SignedInAsync("controlroom");
        var alert = (await dutchDesk.GetFromJsonAsync<List<AlertView>>("api/v1/alerts", Ct))!.Single(a => a.OperationId == operation.Id);
        (await dutchDesk.PostAsync($"api/v1/alerts/{alert.Id}/acknowledge", null, Ct)).EnsureSuccessStatusCode();
        await Expect(pages["operation"].Locator("[data-testid=timeline] [data-kind=acknowledged]")).ToBeVisibleAsync(new() { Timeout = 10_000 });

        (await tracker.PostAsJsonAsync("api/v1/anpr/reads", new[]
        {
            new PlateReadInput("T-E19", "1-KLM-385", null, "BE", 0.95, DateTimeOffset.UtcNow.AddSeconds(-1), 51.479, 4.750),
        }, Ct)).EnsureSuccessStatusCode();
        await Expect(pages["hit board"].Locator("[data-testid=hit-row]").First).ToBeVisibleAsync(new() { Timeout = 10_000 });

        using var liaison = await network["NL"].SignedInAsync("liaison");
        (await liaison.PostAsJsonAsync($"api/v1/requests/{request.Summary.Id}/transitions", new TransitionInput("accept"), Ct)).EnsureSuccessStatusCode();
        await Expect(pages["request"].Locator("[data-testid=request-state]")).ToHaveAttributeAsync("data-state", "accepted", new() { Timeout = 15_000 });

        await SearchAsync(network, pages["consultation"]);
        await Expect(pages["consultation"].Locator("[data-testid=consult-partner][data-country=NL]"))
            .ToHaveAttributeAsync("data-state", "answered", new() { Timeout = 15_000 });

        await pages["dashboard"].WaitForTimeoutAsync(1_500);
        var problems = new List<string>();
        foreach (var (name, page) in pages)
        {
            (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe(language);
            problems.AddRange(leaks.In(await EnglishLeaks.SeenAsync(page)).Distinct().Select(p => $"{name}: {p}"));
            await ConsoleSteps.KeepScreenshotAsync(page, $"live-{name.Replace(' ', '-')}-{language}");
        }

        problems.ShouldBeEmpty();
    }

    private async Task<IBrowserContext> OpenAsync(TestNode node, string username, string language)
    {
        var context = await browser.NewContextAsync(node);
        await context.AddInitScriptAsync(EnglishLeaks.RecorderScript);
        var page = await context.NewPageAsync();
        await ConsoleSteps.SignInAsync(page, username);
        await ConsoleSteps.SwitchLanguageAsync(page, language);
        await page.CloseAsync();
        return context;
    }

    private static async Task<IPage> GoAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await ConsoleSteps.WaitUntilInteractiveAsync(page);
        return page;
    }

    private static async Task<RequestView> SubmitMaterialLoanAsync(HttpClient officer)
    {
        // Dutch texts: an English item name would be taken for an untranslated label.
        var draft = await RequestSteps.DraftMaterialLoanAsync(officer, "BE-2026-0931", "Waterwerper", 1, "Derby Antwerpen–Rotterdam", "Gereinigd, volle tank");
        await RequestSteps.SubmitAsync(officer, draft);
        return draft;
    }

    private static async Task SearchAsync(TestNetwork network, IPage page)
    {
        await using var scope = network["NL"].Services.CreateAsyncScope();
        var person = await scope.ServiceProvider.GetRequiredService<SenningenDbContext>().RegistryPersons.OrderBy(p => p.Id).Skip(3).FirstAsync(Ct);
        await page.SelectOptionAsync("[data-testid=consult-context]", "joint-post");
        await page.FillAsync("[data-testid=consult-surname]", person.Surname);
        await page.FillAsync("[data-testid=consult-given-names]", person.GivenNames.Split(' ')[0]);
        await page.FillAsync("[data-testid=consult-birth-date]", person.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("[data-testid=consult-purpose]", "identiteitscontrole");
        await page.FillAsync("[data-testid=consult-case]", "BE-2026-0932");
        await page.ClickAsync("[data-testid=consult-submit]");
    }
}

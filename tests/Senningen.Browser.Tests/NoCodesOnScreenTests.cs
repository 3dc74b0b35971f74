using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Senningen.Contracts.Requests;
using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>
/// People see names, labels and verbs in their language (issue 21, point 6): a Dutch officer and a Dutch DPO walk the
/// request pages (with a refused form), the mission guide, the consultation page (with a refused search) and the audit
/// log, and no visible text may look like a code: an audit action, a rule key, a raw country pair or a field path.
/// </summary>
public sealed partial class NoCodesOnScreenTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RequestsMissionGuideConsultationAndAuditLog_InDutch_ShowNoTechnicalIdentifiers()
    {
        // A request needs a partner to address: the Dutch node is there only for that.
        await using var network = await TestNetwork.StartAsync(["BE", "NL"]);
        var node = network["BE"];
        using var api = await node.SignedInAsync("officer");
        var request = await RequestSteps.DraftMaterialLoanAsync(api, "BE-2026-0903");

        await using var context = await browser.NewContextAsync(node);
        var page = await context.NewPageAsync();
        await ConsoleSteps.SignInAsync(page, "officer");
        await ConsoleSteps.SwitchLanguageAsync(page, "nl");
        var seen = new List<(string Page, string Text)>();

        await page.GotoAsync("requests");
        await ConsoleSteps.WaitUntilInteractiveAsync(page);
        seen.Add(("requests", await MainTextAsync(page)));

        await page.GotoAsync($"requests/{request.Summary.Id}");
        await ConsoleSteps.WaitUntilInteractiveAsync(page);
        // A draft offers verbs: submit it, withdraw it; never the state the click leads to.
        await Expect(page.Locator("[data-testid=request-action-submit]")).ToHaveTextAsync("Indienen");
        await Expect(page.Locator("[data-testid=request-action-withdraw]")).ToHaveTextAsync("Intrekken");
        seen.Add(("request", await MainTextAsync(page)));

        await page.GotoAsync("requests/new");
        await ConsoleSteps.WaitUntilInteractiveAsync(page);
        await page.SelectOptionAsync("[data-testid=new-type]", "material-loan");
        await page.ClickAsync("[data-testid=new-submit]");
        await Expect(page.Locator(".field-error").First).ToBeVisibleAsync();
        seen.Add(("new request, refused", await MainTextAsync(page)));

        await page.GotoAsync("mission-guide?mission=mixed-patrol-consultation&host=NL");
        await Expect(page.Locator("[data-testid=rule-card]")).ToBeVisibleAsync();
        seen.Add(("mission guide", await MainTextAsync(page)));

        await page.GotoAsync("consultation");
        await ConsoleSteps.WaitUntilInteractiveAsync(page);
        await page.FillAsync("[data-testid=consult-birth-date]", "1980-02-31");
        await page.ClickAsync("[data-testid=consult-submit]");
        await Expect(page.Locator("[data-testid=consult-problem]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=consult-problem]")).ToContainTextAsync("Geboortedatum");
        seen.Add(("consultation, refused", await MainTextAsync(page)));
        await ConsoleSteps.KeepScreenshotAsync(page, "consultation-errors-nl");

        await using var dpoContext = await browser.NewContextAsync(node);
        var dpo = await dpoContext.NewPageAsync();
        await ConsoleSteps.SignInAsync(dpo, "dpo");
        await ConsoleSteps.SwitchLanguageAsync(dpo, "nl");
        await dpo.GotoAsync("audit");
        await ConsoleSteps.WaitUntilInteractiveAsync(dpo);
        await dpo.ClickAsync("[data-testid=audit-search]");
        await Expect(dpo.Locator("[data-testid=audit-results] td[data-action='auth.login']").First).ToHaveTextAsync("Aangemeld");
        // The detail column shows each entry's recorded text verbatim: it is part of the hash chain, so it is not rewritten.
        seen.Add(("audit log", await dpo.Locator("main").EvaluateAsync<string>("""
            main => {
                const details = [...main.querySelectorAll('.audit-detail')];
                details.forEach(d => d.style.display = 'none');
                const text = main.innerText;
                details.forEach(d => d.style.display = '');
                return text;
            }
            """)));
        (await dpo.Locator("main").InnerTextAsync()).ShouldContain("person.birthDate", customMessage: "the recorded detail is still there for the DPO");
        await ConsoleSteps.KeepScreenshotAsync(dpo, "audit-log-nl");

        var found = seen.SelectMany(s => Technical().Matches(s.Text).Select(m => $"{s.Page}: '{m.Value}'")).ToList();
        found.ShouldBeEmpty(string.Join(Environment.NewLine, found));
    }

    // The visible text of the page's content, without the options of closed drop-downs (they are read when opened).
    private static Task<string> MainTextAsync(IPage page) => page.Locator("main").InnerTextAsync();

    // Audit action codes, raw country pairs, rule keys ("…:BE-NL") and field paths ("person.birthDate", "fields.item is …").
    [GeneratedRegex(@"\b(?:auth|access|audit|user|exchange|operation|alert|anpr|registry|consultation|request)\.[a-z-]+\b|\b[A-Z]{2}\|[A-Z]{2}\b|[a-z]:[A-Z]{2}-[A-Z]{2}\b|\b(?:person|fields|fields\.[a-zA-Z]+)\.[a-zA-Z]+\b|\b[a-z]+[A-Z][a-zA-Z]*\b (?:is|moet|must)\b")]
    private static partial Regex Technical();
}

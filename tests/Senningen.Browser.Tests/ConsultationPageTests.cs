using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Registry.Data;
using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>
/// A Belgian officer at the Baarle joint post, in Chromium against real BE and NL nodes: searches a person the Dutch
/// register holds and sees the Dutch answer arrive on the page, in full, with why it matched.
/// </summary>
[Collection(TimedAlone.Name)]
public sealed class ConsultationPageTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OfficerAtAJointPost_SearchesAPerson_AndSeesTheDutchAnswerWithItsExplanation()
    {
        await using var network = await TestNetwork.StartAsync(["BE", "NL"]);
        await using var scope = network["NL"].Services.CreateAsyncScope();
        var person = await scope.ServiceProvider.GetRequiredService<SenningenDbContext>().RegistryPersons.OrderBy(p => p.Id).Skip(9).FirstAsync(Ct);
        await using var context = await browser.NewContextAsync(network["BE"]);
        var page = await context.NewPageAsync();
        await ConsoleSteps.SignInAsync(page, "officer");
        await ConsoleSteps.SwitchLanguageAsync(page, "fr");
        await page.GotoAsync("consultation");
        await ConsoleSteps.WaitUntilInteractiveAsync(page);

        await page.SelectOptionAsync("[data-testid=consult-context]", "joint-post");
        await page.FillAsync("[data-testid=consult-surname]", person.Surname);
        await page.FillAsync("[data-testid=consult-given-names]", person.GivenNames.Split(' ')[0]);
        await page.FillAsync("[data-testid=consult-birth-date]", person.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("[data-testid=consult-purpose]", "contrôle d'identité au poste commun");
        await page.FillAsync("[data-testid=consult-case]", "BE-2026-0042");
        await page.ClickAsync("[data-testid=consult-submit]");

        var dutch = page.Locator("[data-testid=consult-partner][data-country=NL]");
        await Expect(dutch).ToHaveAttributeAsync("data-state", "answered", new() { Timeout = 15_000 });
        await Expect(dutch.Locator("[data-testid=consult-level]")).ToHaveAttributeAsync("data-level", "full");
        await Expect(dutch.Locator("[data-testid=consult-item]").First).ToContainTextAsync(person.NationalId);
        await Expect(dutch.Locator("[data-testid=consult-explanation]").First).ToContainTextAsync("Nom: exact");
        await Expect(dutch.Locator("[data-testid=consult-item]").First).ToContainTextAsync(person.Sex == Senningen.Core.Consultation.Registry.Sex.Female ? "femme" : "homme");
        await Expect(dutch.Locator("[data-testid=consult-state]")).ToHaveTextAsync("a répondu");
        await ConsoleSteps.KeepScreenshotAsync(page, "consultation-joint-post-fr");

        // The same page with its answer on a phone in a patrol car: nothing wider than the screen.
        await page.SetViewportSizeAsync(360, 740);
        await Expect(dutch).ToBeVisibleAsync();
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);
        await ConsoleSteps.KeepScreenshotAsync(page, "consultation-joint-post-fr-phone");

        // Belgium's DPO finds the search in the consultation log and rebuilds it.
        await using var dpoContext = await browser.NewContextAsync(network["BE"]);
        var dpo = await dpoContext.NewPageAsync();
        await ConsoleSteps.SignInAsync(dpo, "dpo");
        await dpo.GotoAsync("consultation/log");
        await ConsoleSteps.WaitUntilInteractiveAsync(dpo);
        await dpo.ClickAsync("[data-testid=log-show]");
        var row = dpo.Locator("[data-testid=log-row]", new() { HasText = "BE-2026-0042" });
        await Expect(row).ToContainTextAsync("officer");
        await row.Locator("[data-testid=log-trail]").ClickAsync();
        var trail = dpo.Locator("[data-testid=consultation-trail]");
        // Each step in words, its action code kept for the DPO in the title.
        await Expect(trail.Locator("[data-action='consultation.search']")).ToHaveTextAsync("Partners consulted");
        await Expect(trail.Locator("[data-action='consultation.answer-received']")).ToHaveTextAsync("Partner's answer received");
        await ConsoleSteps.KeepScreenshotAsync(dpo, "consultation-log-dpo");
    }

    [Fact]
    public async Task ASurnameAlone_GetsHitCountsOnly_WithADutchMessageSayingWhatToAdd_AndTheResultsScrollIntoView()
    {
        await using var network = await TestNetwork.StartAsync(["BE", "NL"]);
        await using var scope = network["NL"].Services.CreateAsyncScope();
        var person = await scope.ServiceProvider.GetRequiredService<SenningenDbContext>().RegistryPersons.OrderBy(p => p.Id).Skip(9).FirstAsync(Ct);
        await using var context = await browser.NewContextAsync(network["BE"]);
        var page = await context.NewPageAsync();
        // A laptop screen: the form fills it, so the answers open below the fold.
        await page.SetViewportSizeAsync(1280, 600);
        await ConsoleSteps.SignInAsync(page, "officer");
        await ConsoleSteps.SwitchLanguageAsync(page, "nl");
        await page.GotoAsync("consultation");
        await ConsoleSteps.WaitUntilInteractiveAsync(page);

        await page.SelectOptionAsync("[data-testid=consult-context]", "joint-post");
        await page.FillAsync("[data-testid=consult-surname]", person.Surname);
        await page.FillAsync("[data-testid=consult-purpose]", "identiteitscontrole in de gemeenschappelijke post");
        await page.FillAsync("[data-testid=consult-case]", "BE-2026-0043");
        await page.ClickAsync("[data-testid=consult-submit]");

        var dutch = page.Locator("[data-testid=consult-partner][data-country=NL]");
        await Expect(dutch).ToHaveAttributeAsync("data-state", "answered", new() { Timeout = 15_000 });
        var counts = dutch.Locator("[data-testid=consult-count-only]");
        await Expect(counts).ToContainTextAsync("vul ook de voornaam of de geboortedatum in");
        (await counts.GetAttributeAsync("data-count")).ShouldNotBeNull().ShouldNotBe("0");
        await Expect(dutch.Locator("[data-testid=consult-level]")).ToHaveAttributeAsync("data-level", "hit-no-hit");
        await Expect(dutch.Locator("[data-testid=consult-item]")).ToHaveCountAsync(0);
        (await dutch.InnerTextAsync()).ShouldNotContain(person.GivenNames.Split(' ')[0]);
        await Expect(page.Locator("[data-testid=consult-results]")).ToBeInViewportAsync();
        await ConsoleSteps.KeepScreenshotAsync(page, "consultation-surname-only-nl");
    }
}

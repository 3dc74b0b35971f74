using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Senningen.Node.Common.Localization;
using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

public sealed class MissionGuideTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    private const string HotPursuitIntoNetherlands = "mission-guide?mission=hot-pursuit&host=NL";

    [Fact]
    public async Task SignIn_SwitchToFrench_ConsoleRendersInFrench()
    {
        await using var node = await TestNode.StartAsync();
        await using var context = await browser.NewContextAsync(node);
        var page = await context.NewPageAsync();
        var texts = node.Services.GetRequiredService<Texts>();

        await ConsoleSteps.SignInAsync(page, "officer");
        await ConsoleSteps.SwitchLanguageAsync(page, "fr");

        await Expect(page.Locator("a.nav-link[href='/mission-guide']")).ToHaveTextAsync(texts.Get("fr", "nav.mission-guide"));
        await Expect(page.Locator("a.nav-link[href='/']")).ToHaveTextAsync(texts.Get("fr", "nav.dashboard"));
        await ConsoleSteps.KeepScreenshotAsync(page, "dashboard-fr");
    }

    [Fact]
    public async Task MissionGuide_HotPursuitIntoNetherlandsInFrench_ShowsTheRuleInFrench()
    {
        await using var node = await TestNode.StartAsync();
        await using var context = await browser.NewContextAsync(node);
        var page = await context.NewPageAsync();
        await ConsoleSteps.SignInAsync(page, "officer");
        await ConsoleSteps.SwitchLanguageAsync(page, "fr");
        // The dashboard is live now: a menu click before its circuit is up was undone when the circuit started on "/".
        await ConsoleSteps.WaitUntilInteractiveAsync(page);

        // From here on the page comes from the mission guide (branch ui); its data-testids are the contract.
        await page.ClickAsync("a.nav-link[href='/mission-guide']");
        await page.WaitForURLAsync("**/mission-guide**");
        await Expect(page.Locator("[data-testid=mission-select]")).ToBeVisibleAsync();
        await ConsoleSteps.WaitUntilInteractiveAsync(page);
        // Hot pursuit is the guide's first mission; the host chips are plain links, so the click needs no live circuit.
        await Expect(page.Locator("[data-testid=mission-select]")).ToHaveValueAsync("hot-pursuit");
        await page.ClickAsync("[data-testid=host-NL]");
        await page.WaitForURLAsync("**/mission-guide?mission=hot-pursuit&host=NL");
        var card = page.Locator("[data-testid=rule-card]");
        await Expect(card).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        var french = await card.InnerTextAsync();
        var frenchAllowed = await page.Locator("[data-testid=rule-allowed]").InnerTextAsync();
        await ConsoleSteps.KeepScreenshotAsync(page, "mission-guide-hot-pursuit-nl-fr");

        await ConsoleSteps.SwitchLanguageAsync(page, "en");
        await page.GotoAsync(HotPursuitIntoNetherlands);
        await Expect(card).ToBeVisibleAsync();
        var english = await card.InnerTextAsync();
        var englishAllowed = await page.Locator("[data-testid=rule-allowed]").InnerTextAsync();

        frenchAllowed.ShouldNotBeNullOrWhiteSpace();
        frenchAllowed.ShouldNotBe(englishAllowed);
        french.ShouldNotBe(english);
    }

    [Fact]
    public async Task MissionGuide_InFrench_ShowsTheFrenchLegalBasis_AndTheOpenQuestionAfterTheRule()
    {
        await using var node = await TestNode.StartAsync();
        await using var context = await browser.NewContextAsync(node);
        var page = await context.NewPageAsync();
        await ConsoleSteps.SignInAsync(page, "officer");
        await ConsoleSteps.SwitchLanguageAsync(page, "fr");

        // Hot pursuit into the Netherlands is a rule still marked for legal review, so it has both a rule and a caveat.
        await page.GotoAsync(HotPursuitIntoNetherlands);
        var card = page.Locator("[data-testid=rule-card]");
        await Expect(card).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        var basis = page.Locator("[data-testid=rule-legal-basis]");
        await Expect(basis).ToContainTextAsync("Traité de police Benelux de 2018 (Trb. 2018, 160)");
        (await basis.InnerTextAsync()).ShouldNotContain("Police Treaty");
        await Expect(page.Locator("[data-testid=rule-open-question]")).ToBeVisibleAsync();
        await ConsoleSteps.KeepScreenshotAsync(page, "mission-guide-caveat-after-rule-fr");

        // Document order: the legal basis, the conditions and the powers all precede the open question.
        var order = await card.EvaluateAsync<string[]>("""
            card => [...card.querySelectorAll('[data-testid=rule-legal-basis], .rule-list, [data-testid=rule-open-question]')]
                .map(e => e.dataset.testid ?? 'conditions')
            """);
        order.ShouldBe(["rule-legal-basis", "conditions", "rule-open-question"]);
        var lastIsCaveat = await card.EvaluateAsync<bool>(
            "card => [...card.children].at(-1).matches('[data-testid=rule-open-question]')");
        lastIsCaveat.ShouldBeTrue("the open question closes the card, after what the officer may do");
    }
}

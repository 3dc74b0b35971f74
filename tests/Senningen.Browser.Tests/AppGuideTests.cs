using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>The mission guide on a Belgian officer's phone: a pursuit into the Netherlands, in French, with its checklist.</summary>
public sealed class AppGuideTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Guide_BelgianOfficerInPursuitIntoTheNetherlands_InFrench_ShowsTheRuleAndKeepsTheTicks()
    {
        await using var node = await TestNode.StartAsync(country: "BE");
        await using var context = await browser.NewPhoneContextAsync(node, "fr-BE");
        var page = await AppSteps.SignInAsync(context, "officer", "fr");

        await page.SelectOptionAsync("[data-testid=kind]", "hot-pursuit");
        await page.ClickAsync("[data-testid=host-NL]");
        var card = page.Locator("[data-testid=rule-card][data-mission=hot-pursuit][data-host=NL]");
        await Expect(card.Locator("h3")).ToHaveTextAsync("Poursuite transfrontalière");
        await Expect(card.Locator("[data-testid=rule-allowed]")).ToHaveTextAsync("Autorisé");
        await Expect(card.Locator("[data-testid=legal-basis]")).ToContainTextAsync("Benelux");
        await Expect(card.Locator("[data-testid=must]")).ToContainTextAsync("Être reconnaissable comme policier");
        await Expect(card.Locator("[data-testid=may]")).ToContainTextAsync("remettre la personne sans délai à la police des Pays-Bas");
        await Expect(page.Locator("[data-testid=checklist] h4").First).ToHaveTextAsync("Avant la frontière");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");

        await page.CheckAsync("[data-testid=check-before-notify]");
        await page.ReloadAsync();
        await page.ClickAsync("[data-testid=host-NL]");
        await Expect(page.Locator("[data-testid=check-before-notify]")).ToBeCheckedAsync();
        await Expect(page.Locator("[data-testid=check-before-c0]")).Not.ToBeCheckedAsync();
        await ConsoleSteps.KeepScreenshotAsync(page, "app-guide-be-pursuit-nl-fr");
    }
}

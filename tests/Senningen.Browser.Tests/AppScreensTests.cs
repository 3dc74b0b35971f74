using Deque.AxeCore.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>
/// Every screen of the officer's app in the four languages on a 360 px phone: no serious or critical accessibility
/// violation (axe-core), no horizontal scrolling, and a screenshot of each kept as a test artefact.
/// </summary>
public sealed class AppScreensTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    [Theory]
    [InlineData("nl")]
    [InlineData("fr")]
    [InlineData("de")]
    [InlineData("en")]
    public async Task EveryScreen_InTheLanguage_IsAccessible_FitsThePhone_AndIsKeptAsAScreenshot(string language)
    {
        await using var node = await TestNode.StartAsync(country: "BE");
        await using var context = await browser.NewPhoneContextAsync(node, $"{language}-BE", (50.8514, 5.6910));
        var page = await AppSteps.SignInAsync(context, "officer", language);
        var problems = new List<string>();

        foreach (var screen in new[] { "guide", "where", "phrases", "actions" })
        {
            await AppSteps.OpenAsync(page, screen);
            if (screen == "where")
            {
                await Expect(page.Locator("[data-testid=where-country]")).ToHaveAttributeAsync("data-country", "NL");
            }

            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
            var axe = await page.RunAxe();
            problems.AddRange(axe.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{screen}: {v.Id} ({v.Impact}) {string.Join(" | ", v.Nodes.Select(n => n.Html))}"));
            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            if (scrollWidth > 360)
            {
                problems.Add($"{screen}: scrolls sideways ({scrollWidth} px)");
            }

            await ConsoleSteps.KeepScreenshotAsync(page, $"app-{screen}-{language}");
        }

        problems.ShouldBeEmpty();
    }
}

using Microsoft.Playwright;
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
}

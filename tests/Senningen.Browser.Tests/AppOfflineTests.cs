using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>After one online visit the app works in flight mode: guide, where am I and phrases.</summary>
public sealed class AppOfflineTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task App_OfflineAfterOneVisit_OpensWithTheGuideWhereAmIAndPhrases()
    {
        await using var node = await TestNode.StartAsync(country: "BE");
        await using var context = await browser.NewPhoneContextAsync(node, "en-GB", (51.437554, 4.92965));
        var page = await AppSteps.SignInAsync(context, "officer");

        await context.SetOfflineAsync(true);
        await AppSteps.OpenAsync(page, "guide");

        await Expect(page.Locator("[data-testid=offline]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=host-NL]");
        await Expect(page.Locator("[data-testid=rule-card][data-host=NL]").First).ToBeVisibleAsync();
        await page.ClickAsync("nav a[data-tab=where]");
        await Expect(page.Locator("[data-testid=where-country]")).ToHaveAttributeAsync("data-country", "BE");
        await Expect(page.Locator("[data-testid=where-zone]")).ToHaveAttributeAsync("data-zone", "BE-VAN");
        await Expect(page.Locator("[data-testid=where-zone]")).ToHaveTextAsync("Antwerp");
        await Expect(page.Locator("[data-testid=where-source]")).ToHaveAttributeAsync("data-source", "phone");
        await page.ClickAsync("nav a[data-tab=phrases]");
        await Expect(page.Locator("[data-testid=phrase-under-arrest]")).ToContainTextAsync("U bent aangehouden.");
        await Expect(page.Locator("[data-testid=phrase-under-arrest]")).ToContainTextAsync("Vous êtes en état d'arrestation.");
        await ConsoleSteps.KeepScreenshotAsync(page, "app-offline-phrases");
    }

    [Fact]
    public async Task App_AfterTheSessionExpired_StillShowsTheKeptGuide_ButNotTheActions()
    {
        await using var node = await TestNode.StartAsync(country: "BE");
        await using var context = await browser.NewPhoneContextAsync(node);
        var page = await AppSteps.SignInAsync(context, "officer");

        // Both tokens past their time: with a live refresh token the app would simply renew the session.
        await page.EvaluateAsync("() => { const s = JSON.parse(localStorage.getItem('senn.session')); s.expiresAt = '2000-01-01T00:00:00Z'; s.refreshExpiresAt = '2000-01-01T00:00:00Z'; localStorage.setItem('senn.session', JSON.stringify(s)); }");
        await AppSteps.OpenAsync(page, "guide");
        await page.ReloadAsync();

        await Expect(page.Locator("[data-testid=session-expired]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=rule-card]").First).ToBeVisibleAsync();
        await page.ClickAsync("nav a[data-tab=actions]");
        await Expect(page.Locator("[data-testid=actions-sign-in]")).ToBeVisibleAsync();
    }
}

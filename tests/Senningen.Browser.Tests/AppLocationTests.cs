using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>Where am I, with the phone's position emulated at held points, and the rules switching at the border.</summary>
public sealed class AppLocationTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    [Theory]
    [InlineData("baarle-hertog", 51.437554, 4.92965, "BE", "BE-VAN", "Antwerp", "Antwerp")]
    [InlineData("maastricht", 50.8514, 5.6910, "NL", "NL-RE10", "Limburg (NL)", "Limburg")]
    [InlineData("arlon", 49.6833, 5.8167, "BE", "BE-WLX", "Luxembourg (province)", "Luxembourg")]
    [InlineData("luxembourg", 49.6116, 6.1319, "LU", "LU", "Grand Duchy of Luxembourg", "National Intervention Centre")]
    public async Task WhereAmI_AtAHeldPoint_ShowsTheCountryZoneAndControlRoom(string name, double lat, double lon, string country, string zone,
        string zoneName, string room)
    {
        await using var node = await TestNode.StartAsync(country: "NL");
        await using var context = await browser.NewPhoneContextAsync(node, "en-GB", (lat, lon));
        var page = await AppSteps.SignInAsync(context, "officer");

        await AppSteps.OpenAsync(page, "where");

        await Expect(page.Locator("[data-testid=where-country]")).ToHaveAttributeAsync("data-country", country);
        // The zone by its name; its code stays in the markup for the tests and tools.
        await Expect(page.Locator("[data-testid=where-zone]")).ToHaveAttributeAsync("data-zone", zone);
        await Expect(page.Locator("[data-testid=where-zone]")).ToHaveTextAsync(zoneName);
        await Expect(page.Locator("[data-testid=where-room]")).ToContainTextAsync(room);
        await Expect(page.Locator("[data-testid=emergency]")).ToContainTextAsync("112");
        await Expect(page.Locator("[data-testid=where-source]")).ToHaveAttributeAsync("data-source", "node");
        await ConsoleSteps.KeepScreenshotAsync(page, $"app-where-{name}");
    }

    [Fact]
    public async Task WhereAmI_CrossingFromArlonIntoLuxembourg_SwitchesTheRules_OnThePhoneWithoutSignal()
    {
        await using var node = await TestNode.StartAsync(country: "BE");
        await using var context = await browser.NewPhoneContextAsync(node, "en-GB", (49.6833, 5.8167));
        var page = await AppSteps.SignInAsync(context, "officer");
        await AppSteps.OpenAsync(page, "where");
        await Expect(page.Locator("[data-testid=rules-here]")).ToHaveAttributeAsync("data-host", "BE");
        await Expect(page.Locator("[data-testid=where-source]")).ToHaveAttributeAsync("data-source", "node");

        await context.SetOfflineAsync(true);
        await AppSteps.MoveToAsync(context, 49.6116, 6.1319);

        await Expect(page.Locator("[data-testid=where-country]")).ToHaveAttributeAsync("data-country", "LU");
        await Expect(page.Locator("[data-testid=where-source]")).ToHaveAttributeAsync("data-source", "phone");
        await Expect(page.Locator("[data-testid=rules-switched]")).ToContainTextAsync("Luxembourg");
        await Expect(page.Locator("[data-testid=rules-here]")).ToHaveAttributeAsync("data-host", "LU");
        await Expect(page.Locator("[data-testid=rules-here] [data-testid=rule-card]").First).ToHaveAttributeAsync("data-host", "LU");
        await Expect(page.Locator("[data-testid=where-talkgroup]")).ToBeVisibleAsync();
        await ConsoleSteps.KeepScreenshotAsync(page, "app-where-crossed-into-lu");
    }
}

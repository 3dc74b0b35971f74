using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

public sealed class PhoneLayoutTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    private const int PhoneWidth = 360;

    [Theory]
    [InlineData("", "main h1", "dashboard")]
    [InlineData("mission-guide?mission=hot-pursuit&host=NL", "[data-testid=rule-card]", "mission-guide")]
    public async Task Page_OnAPhone_HasNoHorizontalScroll(string path, string readyWhen, string name)
    {
        await using var node = await TestNode.StartAsync();
        await using var context = await browser.NewContextAsync(node, PhoneWidth, 740);
        var page = await context.NewPageAsync();
        await ConsoleSteps.SignInAsync(page, "officer");
        await Expect(page.Locator("main h1")).ToBeVisibleAsync();

        await page.GotoAsync(path);
        await Expect(page.Locator(readyWhen)).ToBeVisibleAsync();
        await ConsoleSteps.KeepScreenshotAsync(page, $"phone-{name}");

        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        scrollWidth.ShouldBeLessThanOrEqualTo(PhoneWidth);
    }
}

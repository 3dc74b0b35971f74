using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Senningen.Node.Common.Localization;
using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

public sealed class SignInTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task LoginPage_Loads_ScriptAndStylesheetWithoutErrors()
    {
        await using var node = await TestNode.StartAsync();
        await using var context = await browser.NewContextAsync(node);
        var page = await context.NewPageAsync();
        var responses = new List<(string Url, int Status)>();
        page.Response += (_, response) => responses.Add((response.Url, response.Status));

        await page.GotoAsync("login", new() { WaitUntil = WaitUntilState.NetworkIdle });

        responses.ShouldNotContain(r => r.Status >= 400);
        responses.ShouldContain(r => r.Url.EndsWith("/_framework/blazor.web.js", StringComparison.Ordinal) && r.Status == 200);
        responses.ShouldContain(r => r.Url.Contains("/css/app.", StringComparison.Ordinal) && r.Url.EndsWith(".css", StringComparison.Ordinal) && r.Status == 200);
    }

    [Fact]
    public async Task SignIn_WrongPasswordFiveTimes_ShowsLockedOutMessage()
    {
        await using var node = await TestNode.StartAsync();
        await using var context = await browser.NewContextAsync(node);
        var page = await context.NewPageAsync();
        var texts = node.Services.GetRequiredService<Texts>();
        var error = page.Locator("[data-testid=login-error]");

        for (var attempt = 1; attempt < 5; attempt++)
        {
            await ConsoleSteps.TrySignInAsync(page, "officer", "wrong");
            await Expect(error).ToHaveTextAsync(texts.Get("en", "login.error.invalid"));
        }

        await ConsoleSteps.TrySignInAsync(page, "officer", "wrong");

        await Expect(error).ToHaveTextAsync(texts.Get("en", "login.error.locked"));
        await ConsoleSteps.KeepScreenshotAsync(page, "login-locked-out");
    }
}

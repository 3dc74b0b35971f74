using System.Reflection;
using Microsoft.Playwright;

namespace Senningen.Browser.Tests;

/// <summary>The steps through the console that several tests share.</summary>
internal static class ConsoleSteps
{
    /// <summary>
    /// Signs in and waits until the signed-in page is there: a click that follows too soon (a language button) raced the
    /// sign-in's redirect, and the late redirect later replaced the page the test had moved on to.
    /// </summary>
    public static async Task SignInAsync(IPage page, string username, string password = "demo")
    {
        await TrySignInAsync(page, username, password);
        await Assertions.Expect(page.Locator("form[action='/account/logout']")).ToBeAttachedAsync();
    }

    /// <summary>Submits the sign-in form without expecting it to succeed (wrong passwords, lock-out).</summary>
    public static async Task TrySignInAsync(IPage page, string username, string password)
    {
        await page.GotoAsync("login");
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", password);
        // The top bar's language buttons are submit buttons too: take the sign-in form's own.
        await page.ClickAsync("form[action='/account/login'] button[type=submit]");
    }

    /// <summary>Waits until the page's circuit is live: a click on a prerendered page before that is lost.</summary>
    public static async Task WaitUntilInteractiveAsync(IPage page) =>
        await Assertions.Expect(page.Locator("main[data-interactive]")).ToBeAttachedAsync();

    /// <summary>
    /// Chooses a language with the top bar's buttons (a form post and a redirect). A click that lands while the page is
    /// still navigating, from the sign-in just before, is lost on a busy machine: it is made again, as a user would.
    /// </summary>
    public static async Task SwitchLanguageAsync(IPage page, string language)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.WaitForLoadStateAsync(LoadState.Load);
            await page.ClickAsync($"button[name=language][value={language}]");
            try
            {
                // The README walk switches languages while three nodes replay a pursuit on two cores: a switch has
                // been seen to take longer than 50 s there once, so the last try waits a minute.
                await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language,
                    new() { Timeout = attempt < 3 ? 10_000 : 60_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>Keeps a full-page screenshot in the project's screenshots folder (git-ignored) and in the test output.</summary>
    public static async Task KeepScreenshotAsync(IPage page, string name)
    {
        var bytes = await page.ScreenshotAsync(new() { FullPage = true });
        foreach (var directory in ScreenshotDirectories())
        {
            Directory.CreateDirectory(directory);
            await File.WriteAllBytesAsync(Path.Combine(directory, name + ".png"), bytes);
        }
    }

    /// <summary>Keeps a test artefact (a printed PDF) where the screenshots are kept.</summary>
    public static async Task KeepFileAsync(string fileName, byte[] bytes)
    {
        foreach (var directory in ScreenshotDirectories())
        {
            Directory.CreateDirectory(directory);
            await File.WriteAllBytesAsync(Path.Combine(directory, fileName), bytes);
        }
    }

    private static IEnumerable<string> ScreenshotDirectories()
    {
        yield return Path.Combine(AppContext.BaseDirectory, "screenshots");
        var source = typeof(ConsoleSteps).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ScreenshotDirectory")?.Value;
        if (source is not null)
        {
            yield return source;
        }
    }
}

using Microsoft.Playwright;

namespace Senningen.Browser.Tests;

/// <summary>The officer's app renews its short-lived access token with the refresh token, and stops when access is withdrawn.</summary>
public sealed class AppRefreshTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task ExpiredAccessToken_IsRenewedOnReload_AndADisabledOfficerIsAskedToSignIn()
    {
        await using var node = await TestNode.StartAsync(settings: new Dictionary<string, string?>
        {
            // The app takes a token as valid until 5 s before it expires and renews it in its last minute: 8 s makes both quick.
            ["Senningen:Auth:TokenLifetime"] = "00:00:08",
            ["Senningen:Auth:RevalidateEvery"] = "00:00:01",
        });
        await using var context = await browser.NewPhoneContextAsync(node);
        var page = await AppSteps.SignInAsync(context, "officer");
        var refreshes = new System.Collections.Concurrent.ConcurrentQueue<int>();
        page.Response += (_, response) =>
        {
            if (response.Url.EndsWith("/api/v1/auth/refresh", StringComparison.Ordinal))
            {
                refreshes.Enqueue(response.Status);
            }
        };
        await Task.Delay(TimeSpan.FromSeconds(4), TestContext.Current.CancellationToken);

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("main[data-ready=true]")).ToBeAttachedAsync();

        await Assertions.Expect(page.Locator("[data-testid=session-expired]")).ToHaveCountAsync(0);
        refreshes.ShouldContain(200);
        using var admin = await node.SignedInAsync("admin");
        (await admin.PostAsync("api/v1/admin/users/officer/disable", null, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);

        await page.ReloadAsync();

        await Assertions.Expect(page.Locator("[data-testid=session-expired]")).ToBeVisibleAsync();
        // Playwright reports responses on its own thread, possibly after the page already drew the banner.
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!refreshes.Contains(401) && DateTime.UtcNow < until)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        refreshes.ShouldContain(401);
    }
}

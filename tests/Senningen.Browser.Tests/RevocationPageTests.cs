using System.Net.Http.Json;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Senningen.Browser.Tests;

/// <summary>Issue 17 §2: an open console page of a user whom an administrator disables is sent to the sign-in page within the window.</summary>
public sealed partial class RevocationPageTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    [Theory]
    [InlineData("disable")]
    [InlineData("lock")]
    [InlineData("role")]
    [InlineData("authorisations")]
    [InlineData("sign-out")]
    public async Task OpenConsolePage_OfAUserWhoseAccessIsWithdrawn_GoesToSignInWithinTheWindow(string withdrawal)
    {
        await using var node = await TestNode.StartAsync(settings: new Dictionary<string, string?> { ["Senningen:Auth:RevalidateEvery"] = "00:00:02" });
        await using var context = await browser.NewContextAsync(node);
        var page = await context.NewPageAsync();
        await ConsoleSteps.SignInAsync(page, "controlroom");
        await ConsoleSteps.WaitUntilInteractiveAsync(page);
        using var admin = await node.SignedInAsync("admin");

        var watch = Stopwatch.StartNew();
        await WithdrawAsync(node, admin, withdrawal);
        // No navigation by the test: only the circuit's own revalidation can move the page.
        await page.WaitForURLAsync(LoginPage(), new() { Timeout = (float)(Window + TimeSpan.FromSeconds(10)).TotalMilliseconds });

        watch.Elapsed.ShouldBeLessThan(Window + TimeSpan.FromSeconds(3), "the circuit noticed the withdrawal in time");
        await Assertions.Expect(page.Locator("form[action='/account/login']")).ToBeVisibleAsync();
        await ConsoleSteps.KeepScreenshotAsync(page, $"revoked-console-page-{withdrawal}");
    }

    private static async Task WithdrawAsync(TestNode node, HttpClient admin, string withdrawal)
    {
        var ct = TestContext.Current.CancellationToken;
        switch (withdrawal)
        {
            case "lock":
                // Five wrong passwords lock the account (Senningen:Auth:MaxFailedLogins); the stamp does not change.
                using (var guesser = node.Anonymous())
                {
                    for (var i = 0; i < 5; i++)
                    {
                        await guesser.PostAsJsonAsync("api/v1/auth/token", new Senningen.Contracts.Auth.TokenRequest("controlroom", "wrong-guess"), ct);
                    }
                }

                break;
            case "role":
                (await admin.DeleteAsync("api/v1/admin/users/controlroom/roles/ControlRoom", ct)).EnsureSuccessStatusCode();
                break;
            case "authorisations":
                (await admin.PutAsJsonAsync("api/v1/admin/users/controlroom/authorisations",
                    new Senningen.Contracts.Users.UserAuthorisationsRequest([]), ct)).EnsureSuccessStatusCode();
                break;
            default:
                (await admin.PostAsync($"api/v1/admin/users/controlroom/{withdrawal}", null, ct)).EnsureSuccessStatusCode();
                break;
        }
    }

    [Fact]
    public async Task UsersPage_DisablesAndEnablesAUser_AndWithdrawsARole()
    {
        await using var node = await TestNode.StartAsync();
        await using var context = await browser.NewContextAsync(node);
        var page = await context.NewPageAsync();
        await ConsoleSteps.SignInAsync(page, "admin");
        await page.GotoAsync("users");
        await ConsoleSteps.WaitUntilInteractiveAsync(page);

        await page.ClickAsync("[data-testid=disable-officer]");
        await Assertions.Expect(page.Locator("[data-testid=disabled-officer]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=remove-role-liaison-LiaisonOfficer]");
        await Assertions.Expect(page.Locator("[data-testid=remove-role-liaison-LiaisonOfficer]")).ToHaveCountAsync(0);
        await ConsoleSteps.KeepScreenshotAsync(page, "users-access-withdrawn");
        await page.ClickAsync("[data-testid=enable-officer]");

        await Assertions.Expect(page.Locator("[data-testid=disabled-officer]")).ToHaveCountAsync(0);
        using var officer = await node.SignedInAsync("officer");
    }

    [GeneratedRegex("/login")]
    private static partial Regex LoginPage();
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.Data;
using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>A crossing announced with no signal waits on the phone and reaches the node once when the signal returns.</summary>
public sealed class AppActionTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task AnnounceCrossing_Offline_IsQueued_AndDeliveredOnceBackOnline()
    {
        await using var node = await TestNode.StartAsync(country: "BE");
        await using var context = await browser.NewPhoneContextAsync(node, "en-GB", (51.4325, 4.9330));
        var page = await AppSteps.SignInAsync(context, "officer");
        await AppSteps.OpenAsync(page, "actions");

        await context.SetOfflineAsync(true);
        await page.FillAsync("#call-sign", "BE-PURSUIT-1");
        await page.FillAsync("#reason", "Stolen car fleeing north");
        await page.ClickAsync("[data-testid=announce-crossing]");
        await Expect(page.Locator("[data-testid=queued-count]")).ToHaveAttributeAsync("data-count", "1");
        (await CountAsync(node)).ShouldBe((0, 0));

        // A lost answer: the same queued request sent twice must still make one operation and one fix.
        await context.SetOfflineAsync(false);
        await Expect(page.Locator("[data-testid=queued-count]")).ToHaveAttributeAsync("data-count", "0");
        await Expect(page.Locator("[data-testid=operation]")).ToBeVisibleAsync();
        var replayed = await page.EvaluateAsync<int>("""
            async () => {
              const sent = JSON.parse(localStorage.getItem('senn.sent')).at(-1);
              const token = JSON.parse(localStorage.getItem('senn.session')).accessToken;
              const r = await fetch('/api/v1/operations', { method: 'POST', headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json', 'Idempotency-Key': sent.startKey },
                body: JSON.stringify({ type: 'hot-pursuit', reason: sent.reason, units: [{ callSign: sent.callSign, officers: 2 }] }) });
              return r.headers.get('Idempotent-Replayed') === 'true' ? r.status : -r.status;
            }
            """);
        replayed.ShouldBe(201);
        (await CountAsync(node)).ShouldBe((1, 1));
        await ConsoleSteps.KeepScreenshotAsync(page, "app-actions-sent");
    }

    private static async Task<(int Operations, int Fixes)> CountAsync(TestNode node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        return (await db.Operations.CountAsync(), await db.UnitFixes.CountAsync());
    }
}

using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Core.Countries;
using Senningen.Core.Operations;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.Data;
using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>
/// An acknowledgement queued on the phone while a colleague acknowledged the same alert: the node's 409 takes it off
/// the queue with a note to the officer, and the crossing queued behind it still reaches the node.
/// </summary>
public sealed class AppQueueConflictTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AcknowledgementRefusedWith409_LeavesTheQueueWithANote_AndThePositionsBehindItAreDelivered()
    {
        await using var node = await TestNode.StartAsync(country: "BE");
        var alertId = await InsertOpenAlertAsync(node);
        await using var context = await browser.NewPhoneContextAsync(node, "en-GB", (51.4325, 4.9330));
        var page = await AppSteps.SignInAsync(context, "controlroom");
        await AppSteps.OpenAsync(page, "actions");
        await Expect(page.Locator($"[data-testid=ack-{alertId}]")).ToBeVisibleAsync(new() { Timeout = 15_000 });

        await context.SetOfflineAsync(true);
        await page.ClickAsync($"[data-testid=ack-{alertId}]");
        await page.FillAsync("#call-sign", "BE-PURSUIT-9");
        await page.FillAsync("#reason", "Van fleeing towards Baarle");
        await page.ClickAsync("[data-testid=announce-crossing]");
        await Expect(page.Locator("[data-testid=queued-count]")).ToHaveAttributeAsync("data-count", "2");
        // Meanwhile a colleague in the control room acknowledged it from the console.
        await AcknowledgeElsewhereAsync(node, alertId);

        await context.SetOfflineAsync(false);

        await Expect(page.Locator("[data-testid=queued-count]")).ToHaveAttributeAsync("data-count", "0");
        // The note names the node's reason, in whatever language the node answered.
        await Expect(page.Locator("[data-testid=queue] li[data-state=settled]")).ToContainTextAsync(new Regex("No longer needed, taken off the queue: .+"));
        await Expect(page.Locator("[data-testid=queue] li[data-state=sent]")).ToHaveCountAsync(1);
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        (await db.Operations.CountAsync(Ct)).ShouldBe(1);
        (await db.UnitFixes.CountAsync(Ct)).ShouldBe(1);
        (await db.Alerts.SingleAsync(a => a.Id == alertId, Ct)).AcknowledgedBy.ShouldBe("colleague");
        await ConsoleSteps.KeepScreenshotAsync(page, "app-actions-conflict-note");
    }

    // A Dutch unit's crossing into the zone of the Antwerp control room, as the exchange would have stored it.
    private static async Task<Guid> InsertOpenAlertAsync(TestNode node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var now = DateTimeOffset.UtcNow;
        var alert = new Alert
        {
            Id = Guid.CreateVersion7(), OperationId = Guid.CreateVersion7(), FromCountry = CountryCode.Parse("NL"), ConversationId = Guid.CreateVersion7(),
            OperationType = "hot-pursuit", Zone = "BE-VAN", HomeZone = "NL-RE08", Units = "Bravo 2", Vehicles = "XX-99-ZZ",
            Lat = 51.44, Lon = 4.93, CrossedLat = 51.44, CrossedLon = 4.93, CrossedAt = now, ReceivedAt = now, Status = AlertStatus.Open,
        };
        db.Add(alert);
        await db.SaveChangesAsync(Ct);
        return alert.Id;
    }

    private static async Task AcknowledgeElsewhereAsync(TestNode node, Guid alertId)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var now = DateTimeOffset.UtcNow;
        await db.Alerts.Where(a => a.Id == alertId).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Status, AlertStatus.Acknowledged).SetProperty(a => a.AcknowledgedAt, now)
            .SetProperty(a => a.AcknowledgedBy, "colleague").SetProperty(a => a.Version, a => a.Version + 1), Ct);
    }
}

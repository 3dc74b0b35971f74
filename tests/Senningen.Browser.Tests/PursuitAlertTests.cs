using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Senningen.Contracts.Operations;
using Senningen.Node.Features.Operations.Data;
using static Microsoft.Playwright.Assertions;

namespace Senningen.Browser.Tests;

/// <summary>
/// The BE and NL control rooms in two Chromium pages against two real nodes: a Belgian unit crosses into the
/// Netherlands, the Dutch page shows the alert within two seconds, the Dutch operator acknowledges, the Belgian page sees it.
/// </summary>
[Collection(TimedAlone.Name)]
public sealed class PursuitAlertTests(ChromiumFixture browser) : IClassFixture<ChromiumFixture>
{
    private static readonly (double Lat, double Lon) InBelgium = (51.460, 4.740);
    private static readonly (double Lat, double Lon) InNetherlands = (51.520, 4.765);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Crossing_AppearsOnTheDutchPageWithinTwoSeconds_AndItsAcknowledgementOnTheBelgianPage()
    {
        await using var network = await TestNetwork.StartAsync(["BE", "NL"]);
        using var tracker = await network["BE"].SignedInAsync("officer");
        var operation = await StartPursuitAsync(tracker);

        await using var dutchContext = await browser.NewContextAsync(network["NL"]);
        var dutch = await dutchContext.NewPageAsync();
        await ConsoleSteps.SignInAsync(dutch, "controlroom");
        await ConsoleSteps.SwitchLanguageAsync(dutch, "nl");
        await dutch.GotoAsync("alerts");
        await ConsoleSteps.WaitUntilInteractiveAsync(dutch);
        await Expect(dutch.Locator("[data-testid=alerts-empty]")).ToBeVisibleAsync();

        await using var belgianContext = await browser.NewContextAsync(network["BE"]);
        var belgian = await belgianContext.NewPageAsync();
        await ConsoleSteps.SignInAsync(belgian, "controlroom");
        await ConsoleSteps.SwitchLanguageAsync(belgian, "fr");
        await belgian.GotoAsync($"operations/{operation.Id}");
        await ConsoleSteps.WaitUntilInteractiveAsync(belgian);

        var crossedAt = await DriveUntilCrossingAsync(tracker, operation.Id);

        await Expect(dutch.Locator("[data-testid=alert-item]")).ToBeVisibleAsync(new() { Timeout = 5_000 });
        var shownAfter = crossedAt.Elapsed;
        TestContext.Current.SendDiagnosticMessage($"alert shown {shownAfter.TotalMilliseconds:0} ms after the crossing fix was sent; {await BreakdownAsync(network, operation.Id)}");
        shownAfter.ShouldBeLessThan(TimeSpan.FromSeconds(2), await BreakdownAsync(network, operation.Id));
        // The zone entered, by its control room's name in the reader's language rather than its code.
        await Expect(dutch.Locator("[data-testid=alert-zone]")).ToHaveTextAsync("Meldkamer Zeeland-West-Brabant");
        await Expect(dutch.Locator("[data-testid=alert-zone]")).ToHaveAttributeAsync("title", "NL-RE08");
        await Expect(dutch.Locator("[data-testid=alert-card]")).ToContainTextAsync("Ram raid on a jeweller");
        await ConsoleSteps.KeepScreenshotAsync(dutch, "pursuit-nl-alert");
        // The home control room is told, on the page it has open, that its unit crossed.
        await Expect(belgian.Locator("[data-testid=operation-notice][data-kind=crossing]")).ToContainTextAsync("Frontière franchie",
            new() { Timeout = 10_000 });

        await dutch.ClickAsync("[data-testid=alert-acknowledge]");
        await Expect(dutch.Locator("[data-testid=alert-status]")).ToHaveTextAsync("bevestigd");
        await Expect(belgian.Locator("[data-testid=timeline] [data-kind=acknowledged]")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(belgian.Locator("[data-testid=operation-notice][data-kind=acknowledged]")).ToContainTextAsync("Le partenaire a accusé réception");
        await Expect(belgian.Locator("[data-testid=guide-here][data-host=NL]")).ToBeVisibleAsync();
        await ConsoleSteps.KeepScreenshotAsync(belgian, "pursuit-be-acknowledged");
        await ConsoleSteps.KeepScreenshotAsync(dutch, "pursuit-nl-acknowledged");
    }

    /// <summary>Where the time went, for the failure message: detection at BE to the alert row at NL.</summary>
    private static async Task<string> BreakdownAsync(TestNetwork network, Guid operation)
    {
        await using var be = network["BE"].Services.CreateAsyncScope();
        await using var nl = network["NL"].Services.CreateAsyncScope();
        var detected = await be.ServiceProvider.GetRequiredService<Senningen.Node.Common.Persistence.SenningenDbContext>().OperationCrossings
            .Where(c => c.OperationId == operation).Select(c => c.DetectedAt).FirstOrDefaultAsync(Ct);
        var received = await nl.ServiceProvider.GetRequiredService<Senningen.Node.Common.Persistence.SenningenDbContext>().Alerts
            .Where(a => a.OperationId == operation).Select(a => a.ReceivedAt).FirstOrDefaultAsync(Ct);
        return $"crossing detected at BE → alert stored at NL: {(received - detected).TotalMilliseconds:0} ms";
    }

    /// <summary>A Belgian hot pursuit of unit WPR-ANT-12 from the Antwerp zone, started through the API.</summary>
    internal static async Task<OperationView> StartPursuitAsync(HttpClient tracker)
    {
        var started = await tracker.PostAsJsonAsync("api/v1/operations", new StartOperationRequest("hot-pursuit",
            [new OperationUnitInput("WPR-ANT-12", "BMW 530d", 2)], ["1-XYZ-987"], "Two men, dark clothes", "Ram raid on a jeweller",
            "BE-VAN", "PV-BR-77", null, null), Ct);
        return (await started.Content.ReadFromJsonAsync<OperationView>(Ct))!;
    }

    /// <summary>Sends the track in small batches, as a car's tracker would, until the node confirms the crossing.</summary>
    internal static async Task<Stopwatch> DriveUntilCrossingAsync(HttpClient tracker, Guid operation)
    {
        var steps = 240;
        var start = DateTimeOffset.UtcNow.AddMilliseconds(-250 * steps);
        var fixes = Enumerable.Range(0, steps + 1).Select(i => new PositionFixInput("WPR-ANT-12",
            InBelgium.Lat + (i * (InNetherlands.Lat - InBelgium.Lat) / steps), InBelgium.Lon + (i * (InNetherlands.Lon - InBelgium.Lon) / steps),
            start.AddMilliseconds(250 * i), 90, 15, 6)).ToList();
        foreach (var batch in fixes.Chunk(5))
        {
            // The clock starts when the crossing fix leaves the tracker, not when the node has answered.
            var sent = Stopwatch.StartNew();
            var response = await tracker.PostAsJsonAsync($"api/v1/operations/{operation}/positions", new PositionBatch(batch), Ct);
            var result = (await response.Content.ReadFromJsonAsync<PositionBatchResult>(Ct))!;
            if (result.Crossings.Count > 0)
            {
                return sent;
            }
        }

        throw new InvalidOperationException("The track never confirmed a crossing.");
    }
}

/// <summary>Tests that assert a latency run alone, after the parallel ones, so other browser tests do not take their cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimedAlone
{
    public const string Name = "timing";
}

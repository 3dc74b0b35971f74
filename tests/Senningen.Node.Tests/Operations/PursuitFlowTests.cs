using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Operations;
using Senningen.Node.Features.Operations.Data;
using Senningen.Testing;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;
using static Senningen.Node.Tests.Operations.OperationSteps;

namespace Senningen.Node.Tests.Operations;

/// <summary>A Belgian pursuit into the Netherlands across two real nodes: crossing, alert, acknowledgement, escalation, report.</summary>
public sealed class PursuitFlowTests : IAsyncLifetime
{
    // Brecht–Meer on the E19 (BE), to Hazeldonk–Breda (NL): the line crosses the border near Meer.
    internal static readonly (double, double) InBelgium = (51.460, 4.740);
    internal static readonly (double, double) InNetherlands = (51.520, 4.765);
    private TestNetwork _network = null!;

    public async ValueTask InitializeAsync() => _network = await TestNetwork.StartAsync(["BE", "NL"]);

    public async ValueTask DisposeAsync() => await _network.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Crossing_AlertsTheControlRoomOfTheZoneEntered_AndTheAcknowledgementIsSeenAtHome()
    {
        using var officer = await _network["BE"].SignedInAsync("officer");
        using var dutchRoom = await _network["NL"].SignedInAsync("controlroom");
        var operation = await StartPursuitAsync(officer, "BE-VAN", "BE-P1");

        var crossings = await DriveAsync(officer, operation.Id, LineEndingNow("BE-P1", InBelgium, InNetherlands));

        var crossing = crossings.ShouldHaveSingleItem();
        (crossing.From, crossing.To, crossing.ToZone).ShouldBe(("BE", "NL", "NL-RE08"));
        var alert = await WaitForAlertAsync(dutchRoom, operation.Id);
        alert.Zone.ShouldBe("NL-RE08");
        alert.FromCountry.ShouldBe("BE");
        alert.Status.ShouldBe("open");
        alert.Suspect.ShouldBe("Man, 30s, dark jacket");
        alert.Rules.ShouldNotBeEmpty();
        alert.Track.ShouldNotBeEmpty();

        var ack = await dutchRoom.PostAsJsonAsync($"api/v1/alerts/{alert.Id}/acknowledge", new AcknowledgeAlertRequest("seen"), Ct);
        ack.IsSuccessStatusCode.ShouldBeTrue(await ack.Content.ReadAsStringAsync(Ct));

        var home = await WaitForTimelineAsync(officer, operation.Id, "acknowledged");
        home.Timeline.Select(t => t.Kind).ShouldBe(["started", "crossing", "notified", "acknowledged"], ignoreOrder: true);
        (await dutchRoom.PostAsJsonAsync($"api/v1/alerts/{alert.Id}/acknowledge", new AcknowledgeAlertRequest(null), Ct)).StatusCode
            .ShouldBe(System.Net.HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AlertCrossingPoint_StaysWhereTheCrossingWas_WhileLaterFixesMoveTheLastPosition()
    {
        using var officer = await _network["BE"].SignedInAsync("officer");
        using var dutchRoom = await _network["NL"].SignedInAsync("controlroom");
        var operation = await StartPursuitAsync(officer, "BE-VAN", "BE-P4");
        var crossing = (await DriveAsync(officer, operation.Id, LineEndingNow("BE-P4", InBelgium, InNetherlands))).ShouldHaveSingleItem();
        var alert = await WaitForAlertAsync(dutchRoom, operation.Id);
        (alert.CrossedLat, alert.CrossedLon).ShouldBe((crossing.Lat, crossing.Lon));

        await DriveAsync(officer, operation.Id, Line("BE-P4", InNetherlands, (51.560, 4.780), DateTimeOffset.UtcNow));
        var moved = await WaitForAlertAsync(dutchRoom, operation.Id, a => a.Lat > 51.55);

        (moved.CrossedLat, moved.CrossedLon).ShouldBe((crossing.Lat, crossing.Lon));
        moved.CrossedAt.ShouldBe(alert.CrossedAt);
        moved.Lon.ShouldBeGreaterThan(4.77);
    }

    [Fact]
    public async Task PositionsFlowToThePartnerOnlyWhileTheUnitIsOnItsTerritory()
    {
        using var officer = await _network["BE"].SignedInAsync("officer");
        var operation = await StartPursuitAsync(officer, "BE-VAN", "BE-P3");
        var start = DateTimeOffset.UtcNow.AddSeconds(-90);
        var there = Line("BE-P3", InBelgium, InNetherlands, start);
        var back = Line("BE-P3", InNetherlands, InBelgium, start.AddMilliseconds((250 * there.Count) + 1000));

        var crossings = await DriveAsync(officer, operation.Id, [.. there, .. back]);

        crossings.Select(c => c.To).ShouldBe(["NL", "BE"]);
        var firstBack = crossings[1].At;
        await EventuallyAsync(async () => await QueryAsync(_network["NL"], db => db.Alerts.AnyAsync(a => a.Status == Senningen.Core.Operations.AlertStatus.Closed, Ct)),
            "the NL alert closes when the unit leaves");
        var latestForwarded = await QueryAsync(_network["NL"], db => db.AlertFixes.MaxAsync(f => f.Time, Ct));
        latestForwarded.ShouldBeLessThan(firstBack);
    }

    [Fact]
    public async Task Ending_KeepsTheReportInTheOfficersLanguage_AndSendsItToThePartner()
    {
        using var officer = await _network["BE"].SignedInAsync("officer");
        using var dutchRoom = await _network["NL"].SignedInAsync("controlroom");
        var operation = await StartPursuitAsync(officer, "BE-VAN", "BE-P4");
        await DriveAsync(officer, operation.Id, LineEndingNow("BE-P4", InBelgium, InNetherlands));
        var alert = await WaitForAlertAsync(dutchRoom, operation.Id);

        var end = await officer.PostAsJsonAsync($"api/v1/operations/{operation.Id}/end", new EndOperationRequest("taken-over-by-host", null), Ct);
        end.IsSuccessStatusCode.ShouldBeTrue(await end.Content.ReadAsStringAsync(Ct));

        var report = await officer.GetFromJsonAsync<AfterActionReport>($"api/v1/operations/{operation.Id}/report", Ct);
        report!.Language.ShouldBe("nl");
        report.Operation.Crossings.ShouldHaveSingleItem().To.ShouldBe("NL");
        report.Notifications.ShouldHaveSingleItem().Partner.ShouldBe("NL");
        report.Operation.Timeline[^1].Text.ShouldContain("overgenomen door de politie van het gastland");
        await EventuallyAsync(async () =>
            (await dutchRoom.GetAsync($"api/v1/alerts/{alert.Id}/report?lang=fr", Ct)).IsSuccessStatusCode, "NL has the report");
        var partnerCopy = await dutchRoom.GetFromJsonAsync<AfterActionReport>($"api/v1/alerts/{alert.Id}/report?lang=fr", Ct);
        partnerCopy!.Title.ShouldStartWith("Rapport après action");
        var late = await officer.PostAsJsonAsync($"api/v1/operations/{operation.Id}/positions",
            new PositionBatch([new PositionFixInput("BE-P4", 51.5, 4.75, DateTimeOffset.UtcNow, null, null, null)]), Ct);
        late.StatusCode.ShouldBe(System.Net.HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task UrgentObservation_StartsTheAuthorisationClockAtTheCrossing_AndThePartnerSeesTheDeadline()
    {
        using var officer = await _network["BE"].SignedInAsync("officer");
        using var dutchRoom = await _network["NL"].SignedInAsync("controlroom");
        var operation = await StartAsync(officer, "observation-urgent", "BE-VAN", "BE-O1");

        var crossing = (await DriveAsync(officer, operation.Id, LineEndingNow("BE-O1", InBelgium, InNetherlands))).ShouldHaveSingleItem();

        var alert = await WaitForAlertAsync(dutchRoom, operation.Id);
        alert.AuthorisationDeadline.ShouldNotBeNull().ShouldBe(crossing.At.AddHours(5), TimeSpan.FromSeconds(1));
        var home = await officer.GetFromJsonAsync<OperationView>($"api/v1/operations/{operation.Id}", Ct);
        home!.AuthorisationDeadline.ShouldBe(alert.AuthorisationDeadline);
    }
}

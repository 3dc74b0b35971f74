using System.Net;
using System.Net.Http.Json;
using Senningen.Contracts.Operations;
using Senningen.Testing;
using static Senningen.Node.Tests.Operations.OperationSteps;
using static Senningen.Node.Tests.Operations.PursuitFlowTests;

namespace Senningen.Node.Tests.Operations;

/// <summary>
/// A pursuit on PostgreSQL (the production store), through both workflows: the alert is escalated, acknowledged by the
/// national desk, refused a second acknowledgement, closed by the end with the report; the operation ends once, is
/// reported, and takes no more positions. Its instants and countries go through the same converters as on SQLite.
/// </summary>
public sealed class OperationsOnPostgresTests : IAsyncLifetime
{
    private TestNetwork _network = null!;

    public async ValueTask InitializeAsync() => _network = await TestNetwork.StartAsync(["BE", "NL"], Store.Postgres,
        settings: _ => new Dictionary<string, string?> { ["Senningen:Operations:AcknowledgeWithin"] = "00:00:02" });

    public async ValueTask DisposeAsync() => await _network.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EscalatedAlert_IsAcknowledgedByTheDesk_ThenClosedWithTheReport_OnPostgres()
    {
        using var officer = await _network["BE"].SignedInAsync("officer");
        using var desk = await _network["NL"].SignedInAsync("liaison");
        var operation = await StartPursuitAsync(officer, "BE-VAN", "BE-PG1");
        (await DriveAsync(officer, operation.Id, LineEndingNow("BE-PG1", InBelgium, InNetherlands))).ShouldHaveSingleItem().To.ShouldBe("NL");

        var escalated = await WaitForAlertAsync(desk, operation.Id, a => a.Status == "escalated");
        var ack = await desk.PostAsJsonAsync($"api/v1/alerts/{escalated.Id}/acknowledge", new AcknowledgeAlertRequest("desk"), Ct);
        ack.StatusCode.ShouldBe(HttpStatusCode.OK, await ack.Content.ReadAsStringAsync(Ct));
        (await ack.Content.ReadFromJsonAsync<AlertView>(Ct))!.Status.ShouldBe("acknowledged");
        (await desk.PostAsJsonAsync($"api/v1/alerts/{escalated.Id}/acknowledge", new AcknowledgeAlertRequest(null), Ct)).StatusCode
            .ShouldBe(HttpStatusCode.Conflict);
        await WaitForTimelineAsync(officer, operation.Id, "acknowledged");
        (await officer.GetAsync($"api/v1/operations/{operation.Id}/report", Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var end = await officer.PostAsJsonAsync($"api/v1/operations/{operation.Id}/end", new EndOperationRequest("lost", null), Ct);
        end.StatusCode.ShouldBe(HttpStatusCode.OK, await end.Content.ReadAsStringAsync(Ct));
        (await officer.PostAsJsonAsync($"api/v1/operations/{operation.Id}/end", new EndOperationRequest("lost", null), Ct)).StatusCode
            .ShouldBe(HttpStatusCode.Conflict);
        var report = await officer.GetFromJsonAsync<AfterActionReport>($"api/v1/operations/{operation.Id}/report", Ct);
        report!.Notifications.ShouldHaveSingleItem().EscalatedAt.ShouldNotBeNull();

        var closed = await WaitForAlertAsync(desk, operation.Id, a => a.Status == "closed");
        closed.AcknowledgedAt.ShouldNotBeNull();
        await Exchange.ExchangeHelpers.EventuallyAsync(async () =>
            (await desk.GetAsync($"api/v1/alerts/{closed.Id}/report", Ct)).IsSuccessStatusCode, "NL keeps the report");
        (await desk.PostAsJsonAsync($"api/v1/alerts/{closed.Id}/acknowledge", new AcknowledgeAlertRequest(null), Ct)).StatusCode
            .ShouldBe(HttpStatusCode.Conflict);
        var late = await officer.PostAsJsonAsync($"api/v1/operations/{operation.Id}/positions",
            new PositionBatch([new PositionFixInput("BE-PG1", 51.5, 4.75, DateTimeOffset.UtcNow, null, null, null)]), Ct);
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }
}

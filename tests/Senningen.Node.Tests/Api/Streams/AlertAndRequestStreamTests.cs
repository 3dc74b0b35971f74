using System.Text.Json;
using Senningen.Contracts.Operations;
using Senningen.Contracts.Requests;
using Senningen.Contracts.Users;
using Senningen.Node.Tests.Operations;
using static Senningen.Node.Tests.Operations.OperationSteps;
using static Senningen.Node.Tests.Requests.RequestSamples;

namespace Senningen.Node.Tests.Api.Streams;

/// <summary>
/// <c>GET /api/v1/streams/alerts</c> and <c>/streams/requests</c> across two real nodes: a Belgian unit crossing into the
/// Netherlands is an <c>alert</c> event at the Dutch control room of the zone entered and at no other; a request submitted
/// in Belgium is a <c>request-step</c> at the Dutch desk as it is received, and the desk's answer one at the Belgian officer
/// who drafted it, not at an officer of another unit.
/// </summary>
public sealed class AlertAndRequestStreamTests : IAsyncLifetime
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private TestNetwork _network = null!;

    public async ValueTask InitializeAsync() => _network = await TestNetwork.StartAsync(["BE", "NL"]);

    public async ValueTask DisposeAsync() => await _network.DisposeAsync();

    [Fact]
    public async Task ACrossing_IsAnAlertEventAtThePartnersControlRoom_AndNotAtAnotherZones()
    {
        using var officer = await _network["BE"].SignedInAsync("officer");
        using var dutchRoom = await _network["NL"].SignedInAsync("controlroom");
        using var northRoom = await _network["NL"].SignedInAsNewAsync("sseNorth", "Meldkamer Noord-Nederland", Roles.ControlRoom, ["NL-RE01"]);
        await using var stream = await SseConnection.OpenAsync(dutchRoom, "api/v1/streams/alerts");
        await using var north = await SseConnection.OpenAsync(northRoom, "api/v1/streams/alerts");
        var operation = await StartPursuitAsync(officer, "BE-VAN", "BE-P7");

        await DriveAsync(officer, operation.Id, LineEndingNow("BE-P7", PursuitFlowTests.InBelgium, PursuitFlowTests.InNetherlands));

        var alert = JsonSerializer.Deserialize<AlertView>((await stream.NextOfAsync("alert", Soon)).Data, Web)!;
        (alert.OperationId, alert.Zone, alert.FromCountry, alert.Status).ShouldBe((operation.Id, "NL-RE08", "BE", "open"));
        alert.Suspect.ShouldBe("Man, 30s, dark jacket");
        await Should.ThrowAsync<TimeoutException>(() => north.NextOfAsync("alert", TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task ARequestsSteps_ArriveAtTheDeskThatReceivesIt_AndItsAnswerAtTheOfficerWhoDraftedIt_NotAtAnotherUnit()
    {
        var (be, nl) = (_network["BE"], _network["NL"]);
        using var officer = await be.SignedInAsync("officer");
        using var otherUnit = await be.SignedInAsNewAsync("sseOfficerB", "PZ Kempen", Roles.Officer, ["BE-VLI"]);
        using var desk = await nl.SignedInAsync("liaison");
        await using var deskStream = await SseConnection.OpenAsync(desk, "api/v1/streams/requests");
        await using var officerStream = await SseConnection.OpenAsync(officer, "api/v1/streams/requests");
        await using var otherStream = await SseConnection.OpenAsync(otherUnit, "api/v1/streams/requests");

        var draft = await CreateAsync(officer, Create("information-request", "NL"));
        await DoAsync(officer, draft.Summary.Id, "submit");
        var received = await NextStepAsync(deskStream, "receive");
        received.Request.Id.ShouldBe(draft.Summary.Id);
        received.Request.Side.ShouldBe("requested");
        await DoAsync(desk, draft.Summary.Id, "accept");

        var answered = await NextStepAsync(officerStream, "accept");
        answered.Request.Id.ShouldBe(draft.Summary.Id);
        answered.Step.Country.ShouldBe("NL");
        await Should.ThrowAsync<TimeoutException>(() => otherStream.NextOfAsync("request-step", TimeSpan.FromSeconds(2)));
    }

    private static async Task<RequestStepEvent> NextStepAsync(SseConnection stream, string action)
    {
        while (true)
        {
            var step = JsonSerializer.Deserialize<RequestStepEvent>((await stream.NextOfAsync("request-step", Soon)).Data, Web)!;
            if (step.Step.Action == action)
            {
                return step;
            }
        }
    }
}

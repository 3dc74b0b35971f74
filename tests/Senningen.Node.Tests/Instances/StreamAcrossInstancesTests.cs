using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Contracts.Anpr;
using Senningen.Contracts.Operations;
using Senningen.Contracts.Requests;
using Senningen.Node.Common.Live;
using Senningen.Node.Tests.Api.Streams;
using Senningen.Node.Tests.Operations;
using static Senningen.Node.Tests.Anpr.AnprSteps;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;
using static Senningen.Node.Tests.Operations.OperationSteps;
using static Senningen.Node.Tests.Requests.RequestSamples;

namespace Senningen.Node.Tests.Instances;

/// <summary>
/// Two instances of one node on one PostgreSQL database: a stream opened at one instance sends what is stored through the
/// other — a hit, an alert, a request step — promptly, woken by NOTIFY (the sequencer's and the stream's own looks come
/// only every 1 and 5 s), and exactly once.
/// </summary>
public sealed class StreamAcrossInstancesTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    // Well under the stream's 5 s look: only the notifications (the item's change, then its position) bring it this soon.
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(1.5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HitsStoredThroughB_ArePromptlySentOnceByAStreamAtA()
    {
        await using var a = await TestNode.StartAsync(Store.Postgres);
        await using var b = await Instances.AnotherAsync(a);
        await ListeningAsync(a, b);
        await RegisterCamerasAsync(b);
        var plates = new[] { "1-SSI-001", "1-SSI-002", "1-SSI-003" };
        using (var admin = await b.SignedInAsync("admin"))
        {
            await ImportCsvAsync(admin, string.Join('\n', [CsvHeader, .. plates.Select(p => Line(p, "stolen-vehicle", "BE"))]));
        }

        using var gatewayAtB = await b.SignedInAsync("officer");
        using var roomAtA = await a.SignedInAsync("controlroom");
        await using var hits = await SseConnection.OpenAsync(roomAtA, "api/v1/streams/anpr-hits");
        // Three in a row: one might meet a look by chance, three in a row would not.
        foreach (var plate in plates)
        {
            var result = await SendAsync(gatewayAtB, new PlateReadInput(PoliceCamera, plate, null, "BE", 0.97, DateTimeOffset.UtcNow.AddSeconds(-5), 51.48, 4.75));
            var stored = Stopwatch.StartNew();
            var hit = result.Hits.ShouldHaveSingleItem();
            JsonSerializer.Deserialize<HitView>((await hits.NextOfAsync("hit", TimeSpan.FromSeconds(10))).Data, Web)!.Id.ShouldBe(hit.Id);
            stored.Elapsed.ShouldBeLessThan(Prompt, $"the hit of {plate} stored through B reaches A's stream");
        }

        // Once: nothing more comes, though the sequencer and the stream look again meanwhile.
        await Should.ThrowAsync<TimeoutException>(() => hits.NextOfAsync("hit", TimeSpan.FromSeconds(6)));
    }

    [Fact]
    public async Task AnAlertAndARequestStepStoredThroughOneInstance_ArePromptlySentOnceByStreamsAtTheOther()
    {
        await using var network = await TestNetwork.StartAsync(["BE", "NL"], Store.Postgres);
        var dutchA = network["NL"];
        await using var dutchB = await Instances.AnotherAsync(dutchA);
        await ListeningAsync(dutchA, dutchB);
        using var officer = await network["BE"].SignedInAsync("officer");
        using var roomAtB = await dutchB.SignedInAsync("controlroom");
        await using var alerts = await SseConnection.OpenAsync(roomAtB, "api/v1/streams/alerts");
        var operation = await StartPursuitAsync(officer, "BE-VAN", "BE-P9");

        // The partner delivers to the instance its address names (A); the stream is open at B.
        await DriveAsync(officer, operation.Id, LineEndingNow("BE-P9", PursuitFlowTests.InBelgium, PursuitFlowTests.InNetherlands));
        var sent = Stopwatch.StartNew();
        var alert = JsonSerializer.Deserialize<AlertView>((await alerts.NextOfAsync("alert", TimeSpan.FromSeconds(10))).Data, Web)!;
        (alert.OperationId, alert.Zone).ShouldBe((operation.Id, "NL-RE08"));

        // The crossing travels through BE's outbox first; from its send, A stores it and B's stream has it well within the look.
        sent.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(4));

        using var officerAtA = await dutchA.SignedInAsync("officer");
        using var officerAtB = await dutchB.SignedInAsync("officer");
        await using var steps = await SseConnection.OpenAsync(officerAtA, "api/v1/streams/requests");
        // A draft is no step; its submission is.
        var draft = await CreateAsync(officerAtB, Create("information-request", "BE"));
        await DoAsync(officerAtB, draft.Summary.Id, "submit");
        var submitted = Stopwatch.StartNew();
        var step = JsonSerializer.Deserialize<RequestStepEvent>((await steps.NextOfAsync("request-step", TimeSpan.FromSeconds(10))).Data, Web)!;
        (step.Request.Id, step.Step.Action).ShouldBe((draft.Summary.Id, "submit"));
        submitted.Elapsed.ShouldBeLessThan(Prompt, "the step submitted through B reaches A's stream");

        // Once: though the sequencers and the streams look again meanwhile, the alert and the step do not come again
        // (the partner's acknowledgement may come as a step of its own).
        var later = await AllWithinAsync(alerts, TimeSpan.FromSeconds(6));
        later.ShouldNotContain(e => e.Type == "alert");
        var laterSteps = await AllWithinAsync(steps, TimeSpan.FromMilliseconds(500));
        laterSteps.Where(e => e.Type == "request-step").Select(e => JsonSerializer.Deserialize<RequestStepEvent>(e.Data, Web)!.Step.Id)
            .ShouldNotContain(step.Step.Id);
    }

    private static async Task<List<SseEvent>> AllWithinAsync(SseConnection stream, TimeSpan window)
    {
        var events = new List<SseEvent>();
        var until = DateTimeOffset.UtcNow + window;
        try
        {
            while (until - DateTimeOffset.UtcNow is { Ticks: > 0 } left && await stream.NextAsync(left) is { } e)
            {
                events.Add(e);
            }
        }
        catch (TimeoutException)
        {
            // The window ended.
        }

        return events;
    }

    private static async Task ListeningAsync(TestNode a, TestNode b)
    {
        await EventuallyAsync(() => Task.FromResult(a.Services.GetRequiredService<ChangeBackplane>().IsListening), "A listens", TimeSpan.FromSeconds(5));
        await EventuallyAsync(() => Task.FromResult(b.Services.GetRequiredService<ChangeBackplane>().IsListening), "B listens", TimeSpan.FromSeconds(5));
    }
}

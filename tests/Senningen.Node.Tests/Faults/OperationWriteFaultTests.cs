using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Operations;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Features.Operations.Data;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;
using static Senningen.Node.Tests.Operations.OperationSteps;

namespace Senningen.Node.Tests.Faults;

/// <summary>
/// The Belgian node is killed while it starts a pursuit and while it takes the position batch that crosses into the
/// Netherlands; the phone sends each again under its key after the restart.
/// </summary>
public sealed class OperationWriteFaultTests
{
    private const int Pursuits = 2;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartAndCrossingBatch_KilledMidWrite_EachHappensOnce_RetriesGetTheOriginalAnswer_AndTheAlertArrivesOnce() =>
        await FaultLoop.WithSeedAsync(FaultLoop.Seed(1901), async random =>
        {
            await using var network = await TestNetwork.CreateAsync(["BE", "NL"], settings: _ => FaultLoop.Settings());
            var (be, nl) = (network["BE"], network["NL"]);
            await nl.StartAgainAsync();
            var tracks = new Dictionary<int, List<PositionFixInput>>();
            var steps = new List<Func<IReadOnlyList<StepAnswers>, HttpRequestMessage>>();
            for (var n = 0; n < Pursuits; n++)
            {
                var (pursuit, unit, startKey, fixesKey, at) = (n, $"BE-F{n}", $"fault-start-{n}", $"fault-fixes-{n}", 2 * n);
                steps.Add(_ => Keyed(HttpMethod.Post, "api/v1/operations", startKey, new StartOperationRequest("hot-pursuit",
                    [new OperationUnitInput(unit, "Skoda Octavia combi", 2)], ["1-ABC-123"], "Man, 30s, dark jacket", "Armed robbery", "BE-VAN",
                    "PV-2026-0001", null, null)));
                steps.Add(answers =>
                {
                    var operation = JsonSerializer.Deserialize<OperationView>(answers[at].Retried, Json)!.Id;
                    var track = tracks.TryGetValue(pursuit, out var known) ? known : tracks[pursuit] = Line(unit, Senningen.Node.Tests.Operations.PursuitFlowTests.InBelgium,
                        Senningen.Node.Tests.Operations.PursuitFlowTests.InNetherlands, DateTimeOffset.UtcNow.AddSeconds(-25), metresPerFix: 75);
                    return Keyed(HttpMethod.Post, $"api/v1/operations/{operation}/positions", fixesKey, new PositionBatch(track));
                });
            }

            var answers = await FaultLoop.RunIdempotentStepsAsync(be, random, 50, 900, "officer", steps);

            var operationIds = answers.Where((_, i) => i % 2 == 0).Select(a => JsonSerializer.Deserialize<OperationView>(a.Retried, Json)!.Id).ToList();
            answers.Where((_, i) => i % 2 == 1).Select(a => JsonSerializer.Deserialize<PositionBatchResult>(a.Retried, Json)!)
                .ShouldAllBe(r => r.Crossings.Count == 1 && r.Rejected.Count == 0);
            await QueryAsync(be, async db =>
            {
                (await db.Operations.CountAsync(Ct)).ShouldBe(Pursuits, "no operation started twice, none lost");
                foreach (var (operation, n) in operationIds.Select((id, n) => (id, n)))
                {
                    (await db.UnitFixes.CountAsync(f => f.OperationId == operation, Ct)).ShouldBe(tracks[n].Count, "every fix once");
                    (await db.OperationCrossings.CountAsync(c => c.OperationId == operation, Ct)).ShouldBe(1);
                }

                return 0;
            });
            await EventuallyAsync(async () => await QueryAsync(be, db => db.Outbox.CountAsync(m => m.Status == OutboxStatus.Queued, Ct)) == 0,
                "the Belgian outbox is delivered");
            using var dutchRoom = await nl.SignedInAsync("controlroom");
            var alerts = (await dutchRoom.GetFromJsonAsync<List<AlertView>>("api/v1/alerts", Ct))!;
            alerts.Select(a => a.OperationId).ShouldBe(operationIds, ignoreOrder: true);
            (await QueryAsync(nl, db => db.Inbox.GroupBy(m => m.Id).CountAsync(g => g.Count() > 1, Ct))).ShouldBe(0);
            await FaultLoop.AuditVerifiesAsync(be);
            await FaultLoop.AuditVerifiesAsync(nl);
        });

    private static HttpRequestMessage Keyed(HttpMethod method, string uri, string key, object body)
    {
        var request = new HttpRequestMessage(method, uri) { Content = JsonContent.Create(body, options: Json) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }
}

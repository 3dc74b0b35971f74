using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Operations;
using Senningen.Core.Countries;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Features.Operations.Data;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;
using static Senningen.Node.Tests.Operations.OperationSteps;
using static Senningen.Node.Tests.Operations.PursuitFlowTests;

namespace Senningen.Node.Tests.Faults;

/// <summary>
/// Belgian pursuits cross into the Netherlands in a burst (crossing, position batches, end: one conversation each), and
/// the Dutch node, the receiver, is killed while it takes them in and handles them: after the restart each message is
/// receipted and handled exactly once, in its conversation's order.
/// </summary>
public sealed class InboxHandlingFaultTests
{
    private const int Tries = 3;
    private const int Pursuits = 3;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReceiverKilledWhileHandlingABurst_EachMessageIsHandledOnce_InOrder_AndTheSenderOutboxDrains() =>
        await FaultLoop.WithSeedAsync(FaultLoop.Seed(1907), async random =>
        {
            await using var network = await TestNetwork.CreateAsync(["BE", "NL"], settings: _ => FaultLoop.Settings());
            var (be, nl) = (network["BE"], network["NL"]);
            await be.StartAgainAsync();
            // Migrated and seeded here, so that the killed processes only start.
            await nl.StartAgainAsync();
            await nl.StopAsync();
            using var officer = await be.SignedInAsync("officer");
            var operations = new List<Guid>();
            Task bursting = Task.CompletedTask;

            // The burst runs on the Belgian node, which is not killed: a kill cuts the wait for its delivery, never the burst.
            await FaultLoop.RunAsync(nl, random, Tries, 300, 3000, "controlroom", async (i, _, ct) =>
            {
                bursting = BurstAsync(officer, i, operations);
                try
                {
                    await bursting.WaitAsync(ct);
                    while (await QueryAsync(be, db => db.Outbox.CountAsync(m => m.Status == OutboxStatus.Queued, ct)) > 0)
                    {
                        await Task.Delay(20, ct);
                    }
                }
                catch (OperationCanceledException)
                {
                    // Where the kill fell: how much of the burst the Dutch node had receipted by then.
                    var statuses = await QueryAsync(be, db => db.Outbox.Where(m => m.Recipient == CountryCode.Netherlands && m.Type != PingPayload.Type).Select(m => m.Status).ToListAsync(Ct));
                    TestContext.Current.TestOutputHelper?.WriteLine(
                        $"try {i}: at the kill {statuses.Count(s => s == OutboxStatus.Receipted)} of the {statuses.Count} messages sent so far were receipted");
                    throw;
                }
            }, async (_, _) =>
            {
                await bursting;
                await FaultLoop.PartnerReachedAsync(be, "NL");
            });
            await bursting;

            await nl.StartAgainAsync();
            await EventuallyAsync(async () => await QueryAsync(be, db => db.Outbox.CountAsync(m => m.Status == OutboxStatus.Queued, Ct)) == 0,
                "the Belgian outbox drains", TimeSpan.FromSeconds(60));
            var sent = await QueryAsync(be, db => db.Outbox.AsNoTracking().Where(m => m.Recipient == CountryCode.Netherlands).ToListAsync(Ct));
            sent.ShouldAllBe(m => m.Status == OutboxStatus.Receipted, "every message is receipted");
            await EventuallyAsync(async () => await QueryAsync(nl, db => db.Inbox.CountAsync(m => m.Status == InboxStatus.Handled, Ct)) >= sent.Count,
                "the Dutch node handles every message");
            var received = await QueryAsync(nl, db => db.Inbox.AsNoTracking().ToListAsync(Ct));
            received.Select(m => m.Id).ShouldBe(sent.Select(m => m.Id), ignoreOrder: true, "each message stored once, none lost");
            // A handling the kill cut was never committed: a message handled once counts one attempt.
            received.ShouldAllBe(m => m.Status == InboxStatus.Handled && m.HandleAttempts == 1, "each message handled once");
            foreach (var conversation in received.GroupBy(m => m.ConversationId))
            {
                var handled = conversation.OrderBy(m => m.Sequence).Select(m => m.HandledAt!.Value).ToList();
                handled.ShouldBe(handled.Order().ToList(), $"conversation {conversation.Key} is handled in its order");
            }

            operations.Count.ShouldBe(Tries * Pursuits);
            foreach (var operation in operations)
            {
                var record = $"operation:{operation}";
                (await QueryAsync(nl, db => db.Alerts.CountAsync(a => a.OperationId == operation, Ct))).ShouldBe(1, $"{record}: one alert");
                (await QueryAsync(nl, db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.AlertReceived && e.Records.Contains(record), Ct)))
                    .ShouldBe(1, $"{record}: its crossing audited once");
            }

            (await QueryAsync(nl, db => db.AlertFixes.GroupBy(f => new { f.OperationId, f.Unit, f.Time }).CountAsync(g => g.Count() > 1, Ct))).ShouldBe(0);
            TestContext.Current.TestOutputHelper?.WriteLine($"{sent.Count} messages in {Tries * Pursuits} conversations, each receipted and handled once, in order");
            await FaultLoop.AuditVerifiesAsync(be);
            await FaultLoop.AuditVerifiesAsync(nl);
        });

    // Each pursuit crosses into the Netherlands and ends there: a crossing, the position batches after it and the end.
    private static async Task BurstAsync(HttpClient officer, int burst, List<Guid> operations)
    {
        for (var n = 0; n < Pursuits; n++)
        {
            var unit = $"BE-B{burst}{n}";
            var operation = await StartPursuitAsync(officer, "BE-VAN", unit);
            operations.Add(operation.Id);
            (await DriveAsync(officer, operation.Id, Line(unit, InBelgium, InNetherlands, DateTimeOffset.UtcNow.AddSeconds(-25), metresPerFix: 75), batch: 15))
                .Count.ShouldBe(1);
            using var ended = await officer.PostAsJsonAsync($"api/v1/operations/{operation.Id}/end", new EndOperationRequest("apprehended", null), Ct);
            ended.EnsureSuccessStatusCode();
        }
    }
}

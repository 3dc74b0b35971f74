using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Exchange;

/// <summary>Faults between real nodes: a receiver that goes away mid-stream, a partner down for hours, messages that expire.</summary>
public sealed class ExchangeFaultTests
{
    [Fact]
    public async Task ReceiverStoppedMidStreamOf1000_AllAreHandledExactlyOnce_InOrderPerConversation()
    {
        var recorder = new SequenceRecorder();
        await using var network = await TestNetwork.StartAsync(["BE", "NL"], services: (_, s) =>
        {
            s.AddSingleton(recorder);
            s.AddMessageType<SequencePayload, SequenceHandler>(SequenceHandler.MessageType, 1);
        });
        var conversations = Enumerable.Range(0, 10).Select(_ => Guid.CreateVersion7()).ToList();
        var enqueue = Task.Run(async () =>
        {
            for (var round = 0; round < 10; round++)
            {
                foreach (var conversation in conversations)
                {
                    await EnqueueAsync(network["BE"], "NL", 10, conversation, SequenceHandler.MessageType, i => new SequencePayload(i));
                }
            }
        }, TestContext.Current.CancellationToken);

        await EventuallyAsync(() => Task.FromResult(recorder.Handled.Count >= 250), "a quarter of the stream is handled");
        await network["NL"].StopAsync();
        await enqueue;
        (await CountOutboxAsync(network["BE"], OutboxStatus.Queued)).ShouldBeGreaterThan(0);
        await network["NL"].StartAgainAsync();
        await EventuallyAsync(async () => await QueryAsync(network["NL"], db => db.Inbox.CountAsync(m => m.Status == InboxStatus.Handled)) == 1000,
            "all 1000 are handled", TimeSpan.FromSeconds(90));

        // The effect that counts is the one committed with "handled": one audit entry per message, in conversation order.
        var effects = await QueryAsync(network["NL"], db => db.AuditEntries.Where(e => e.Action == SequenceHandler.EffectAction)
            .OrderBy(e => e.Sequence).Select(e => e.Records).ToListAsync());
        effects.Count.ShouldBe(1000);
        effects.Distinct().Count().ShouldBe(1000);
        foreach (var conversation in conversations)
        {
            effects.Where(r => r.StartsWith(conversation.ToString(), StringComparison.Ordinal)).Select(r => long.Parse(r.Split(':')[1], CultureInfo.InvariantCulture))
                .ShouldBe(Enumerable.Range(1, 100).Select(i => (long)i));
        }

        (await CountOutboxAsync(network["BE"], OutboxStatus.Receipted)).ShouldBe(1000);
        (await QueryAsync(network["NL"], db => db.Inbox.CountAsync(m => m.Status == InboxStatus.Handled))).ShouldBe(1000);
    }

    [Fact]
    public async Task PartnerDownForHours_GetsTheBacklogWhenItReturns_WithBackoffBetweenAttempts()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var network = await TestNetwork.CreateAsync(["BE", "NL"],
            settings: _ => new Dictionary<string, string?> { ["Senningen:Exchange:DispatcherEnabled"] = "false" },
            services: (_, s) => s.AddSingleton<TimeProvider>(clock));
        var belgium = network["BE"];
        await belgium.StartAgainAsync();
        var dispatcher = belgium.Services.GetRequiredService<OutboxDispatcher>();
        await EnqueueAsync(belgium, "NL", 5);

        var attemptsSeen = new List<int>();
        for (var minute = 0; minute < 4 * 60; minute++)
        {
            await dispatcher.RunOnceAsync(TestContext.Current.CancellationToken);
            attemptsSeen.Add(await QueryAsync(belgium, db => db.Outbox.Select(m => m.Attempts).MaxAsync()));
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        // Without backoff there would be an attempt every minute; with it the gaps grow to about ten minutes.
        var attempts = attemptsSeen[^1];
        attempts.ShouldBeInRange(15, 60);
        var lastHour = attemptsSeen[^1] - attemptsSeen[^61];
        lastHour.ShouldBeInRange(5, 13);
        (await CountOutboxAsync(belgium, OutboxStatus.Queued)).ShouldBe(5);

        await network["NL"].StartAgainAsync();
        for (var minute = 0; minute < 15 && await CountOutboxAsync(belgium, OutboxStatus.Receipted) < 5; minute++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            await dispatcher.RunOnceAsync(TestContext.Current.CancellationToken);
        }

        (await CountOutboxAsync(belgium, OutboxStatus.Receipted)).ShouldBe(5);
        (await CountInboxAsync(network["NL"])).ShouldBe(5);
    }

    [Fact]
    public async Task MessageThatExpiresBeforeDelivery_IsNotSent_AndTheSenderIsTold()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var network = await TestNetwork.CreateAsync(["BE", "NL"],
            settings: _ => new Dictionary<string, string?> { ["Senningen:Exchange:DispatcherEnabled"] = "false" },
            services: (_, s) => s.AddSingleton<TimeProvider>(clock));
        var belgium = network["BE"];
        await belgium.StartAgainAsync();
        var dispatcher = belgium.Services.GetRequiredService<OutboxDispatcher>();
        var ids = await EnqueueAsync(belgium, "NL", 1, lifetime: TimeSpan.FromMinutes(30));

        clock.Advance(TimeSpan.FromMinutes(31));
        await network["NL"].StartAgainAsync();
        await dispatcher.RunOnceAsync(TestContext.Current.CancellationToken);

        var message = await QueryAsync(belgium, db => db.Outbox.SingleAsync());
        message.Status.ShouldBe(OutboxStatus.Expired);
        message.Attempts.ShouldBe(0);
        (await CountInboxAsync(network["NL"])).ShouldBe(0);
        var audit = await QueryAsync(belgium, db => db.AuditEntries.SingleAsync(e => e.Action == "exchange.expired"));
        audit.Records.ShouldBe($"message:{ids[0]}");
        var status = await belgium.Services.CreateScope().ServiceProvider.GetRequiredService<Features.Exchange.Monitor.ExchangeMonitor>()
            .StatusAsync(TestContext.Current.CancellationToken);
        status.Alerts.ShouldBe(1);
    }
}

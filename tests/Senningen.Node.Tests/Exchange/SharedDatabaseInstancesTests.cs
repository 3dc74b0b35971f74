using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Exchange;

/// <summary>
/// Production shape: two stateless instances of the Belgian node share one PostgreSQL database. Their dispatchers
/// claim disjoint messages, so every message is sent once, and the receiver's two instances handle each once.
/// </summary>
public sealed class SharedDatabaseInstancesTests
{
    [Fact]
    public async Task TwoInstancesSharingPostgres_DeliverAndHandleEveryMessageOnce_InOrder()
    {
        var recorder = new SequenceRecorder();
        await using var network = await TestNetwork.StartAsync(["BE", "NL"], Store.Postgres, services: (_, s) =>
        {
            s.AddSingleton(recorder);
            s.AddMessageType<SequencePayload, SequenceHandler>(SequenceHandler.MessageType, 1);
        });
        await using var secondBelgian = await TestNode.StartAsync(Store.Postgres, "BE", SameDatabase(network["BE"]));
        await using var secondDutch = await TestNode.StartAsync(Store.Postgres, "NL", SameDatabase(network["NL"]), s =>
        {
            s.AddSingleton(recorder);
            s.AddMessageType<SequencePayload, SequenceHandler>(SequenceHandler.MessageType, 1);
        });
        var conversations = Enumerable.Range(0, 8).Select(_ => Guid.CreateVersion7()).ToList();

        foreach (var conversation in conversations)
        {
            await EnqueueAsync(network["BE"], "NL", 10, conversation, SequenceHandler.MessageType, i => new SequencePayload(i));
            await EnqueueAsync(secondBelgian, "NL", 10, conversation, SequenceHandler.MessageType, i => new SequencePayload(i + 10));
        }

        await EventuallyAsync(async () => await QueryAsync(network["NL"], db => db.Inbox.CountAsync(m => m.Status == InboxStatus.Handled)) == 160,
            "all 160 are handled", TimeSpan.FromSeconds(60));

        var effects = await QueryAsync(network["NL"], db => db.AuditEntries.Where(e => e.Action == SequenceHandler.EffectAction)
            .OrderBy(e => e.Sequence).Select(e => e.Records).ToListAsync());
        effects.Count.ShouldBe(160);
        foreach (var conversation in conversations)
        {
            effects.Where(r => r.StartsWith(conversation.ToString(), StringComparison.Ordinal))
                .Select(r => long.Parse(r.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture))
                .ShouldBe(Enumerable.Range(1, 20).Select(i => (long)i));
        }

        (await QueryAsync(network["NL"], db => db.AuditEntries.CountAsync(e => e.Action == "exchange.duplicate"))).ShouldBe(0);
        (await QueryAsync(network["BE"], db => db.Outbox.CountAsync(m => m.Status == OutboxStatus.Receipted && m.Attempts == 1))).ShouldBe(160);
    }

    // A second instance: same country, settings and database as the first, its own port.
    private static Dictionary<string, string?> SameDatabase(TestNode first)
    {
        var values = first.Settings.ToDictionary(p => p.Key, p => p.Value);
        values["urls"] = "http://127.0.0.1:0";
        return values;
    }
}

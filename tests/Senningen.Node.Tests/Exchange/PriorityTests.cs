using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Core.Countries;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Exchange;

/// <summary>
/// Urgent messages overtake a routine backlog at the sender's dispatcher and at the receiver's inbox, but never a message
/// of their own conversation.
/// </summary>
public sealed class PriorityTests : IAsyncLifetime
{
    private const int Backlog = 2_000;
    private TestNetwork _network = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _network = await TestNetwork.StartAsync(["BE", "NL"]);

    public async ValueTask DisposeAsync() => await _network.DisposeAsync();

    [Fact]
    public async Task UrgentMessage_QueuedBehind2000Routine_IsDeliveredAndHandledBeforeTheBacklogDrains_AndKeepsItsConversationsOrder()
    {
        var conversation = Guid.CreateVersion7();
        // All in one commit, the urgent ones last: by creation they would be the last delivered and handled.
        var (routine, urgent, inConversation) = await EnqueueAsync(conversation);

        await EventuallyAsync(async () => await QueryAsync(_network["NL"], db => db.Inbox.CountAsync(m => m.Status == InboxStatus.Handled, Ct)) == Backlog + 4,
            "every message is handled", TimeSpan.FromMinutes(3));
        var rows = await QueryAsync(_network["NL"], db => db.Inbox.AsNoTracking().ToDictionaryAsync(m => m.Id, Ct));
        var handledUrgent = rows[urgent].HandledAt!.Value;
        var handledBefore = routine.Count(id => rows[id].HandledAt < handledUrgent);
        handledBefore.ShouldBeLessThan(Backlog / 2, "the urgent message did not wait for the backlog");
        rows[urgent].Priority.ShouldBe(MessagePriority.Urgent, "the priority travelled signed in the envelope");
        rows[routine[0]].Priority.ShouldBe(MessagePriority.Routine);
        var order = inConversation.Select(id => rows[id]).ToList();
        order.Select(m => m.Sequence).ShouldBe([1L, 2L, 3L]);
        order[2].HandledAt!.Value.ShouldBeGreaterThanOrEqualTo(order[1].HandledAt!.Value, "an urgent message waits for the earlier ones of its conversation");
        order[1].HandledAt!.Value.ShouldBeGreaterThanOrEqualTo(order[0].HandledAt!.Value);
    }

    [Fact]
    public void EveryMessageTypeTheNodeSpeaks_HasReviewedDefaults()
    {
        var types = _network["BE"].Services.GetRequiredService<MessageContracts>().All.Select(c => c.Type).ToList();

        types.ShouldNotBeEmpty();
        types.Where(t => MessageDefaults.Find(t) is null).ShouldBeEmpty("a new message type needs its marking and priority in MessageDefaults");
    }

    private async Task<(List<Guid> Routine, Guid Urgent, List<Guid> InConversation)> EnqueueAsync(Guid conversation)
    {
        await using var scope = _network["BE"].Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var nl = CountryCode.Netherlands;
        var urgentMarks = new MessageMarks(Priority: MessagePriority.Urgent);
        var inConversation = new List<Guid>
        {
            (await outbox.EnqueueAsync(nl, PingPayload.Type, 1, new PingPayload("c1"), conversation, cancellationToken: Ct)).Id,
            (await outbox.EnqueueAsync(nl, PingPayload.Type, 1, new PingPayload("c2"), conversation, cancellationToken: Ct)).Id,
        };
        var routine = new List<Guid>(Backlog);
        for (var i = 0; i < Backlog; i++)
        {
            routine.Add((await outbox.EnqueueAsync(nl, PingPayload.Type, 1, new PingPayload($"#{i}"), cancellationToken: Ct)).Id);
        }

        inConversation.Add((await outbox.EnqueueAsync(nl, PingPayload.Type, 1, new PingPayload("c3"), conversation, marks: urgentMarks, cancellationToken: Ct)).Id);
        var urgent = (await outbox.EnqueueAsync(nl, PingPayload.Type, 1, new PingPayload("urgent"), marks: urgentMarks, cancellationToken: Ct)).Id;
        await scope.ServiceProvider.GetRequiredService<SenningenDbContext>().SaveChangesAsync(Ct);
        return (routine, urgent, inConversation);
    }
}

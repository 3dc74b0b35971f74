using System.Collections.Concurrent;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Tests.Exchange;

/// <summary>A test message type whose handler throws for the numbers the test names, until the test "fixes" it.</summary>
public sealed record PoisonPayload(int N);

/// <summary>Which payloads fail; shared by the test and the node's handler.</summary>
public sealed class PoisonSwitch
{
    public ConcurrentDictionary<int, bool> Failing { get; } = new();

    public ConcurrentQueue<int> Tried { get; } = new();
}

/// <summary>Its effect is an audit entry in the processor's unit of work, so it counts only when committed with "handled".</summary>
public sealed class PoisonHandler(PoisonSwitch poison, AuditLog audit) : IMessageHandler<PoisonPayload>
{
    public const string MessageType = "test.poison";
    public const string EffectAction = "test.poison-handled";

    public Task HandleAsync(InboxMessage message, PoisonPayload payload, SenningenDbContext db, CancellationToken cancellationToken)
    {
        poison.Tried.Enqueue(payload.N);
        if (poison.Failing.ContainsKey(payload.N))
        {
            throw new InvalidOperationException($"payload {payload.N} breaks this handler");
        }

        audit.Add(new AuditRecord(EffectAction, AuditOutcomes.Success, [$"{message.ConversationId}:{payload.N}"]), new Actor("test", "", message.Sender.Value));
        return Task.CompletedTask;
    }
}

using System.Collections.Concurrent;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Tests.Exchange;

/// <summary>A test message type whose handling is observable in the receiver's database and in memory.</summary>
public sealed record SequencePayload(int N);

/// <summary>Outlives node restarts, so a test can follow progress across them.</summary>
public sealed class SequenceRecorder
{
    public ConcurrentQueue<(Guid Id, Guid Conversation, long Sequence)> Handled { get; } = new();
}

/// <summary>
/// Its effect is an audit entry added to the processor's unit of work, so it commits together with "handled" or not
/// at all: counting those entries tests exactly-once, not merely at-least-once.
/// </summary>
public sealed class SequenceHandler(SequenceRecorder recorder, AuditLog audit) : IMessageHandler<SequencePayload>
{
    public const string MessageType = "test.sequence";
    public const string EffectAction = "test.handled";

    public Task HandleAsync(InboxMessage message, SequencePayload payload, SenningenDbContext db, CancellationToken cancellationToken)
    {
        audit.Add(new AuditRecord(EffectAction, AuditOutcomes.Success, [$"{message.ConversationId}:{message.Sequence}"]),
            new Actor("test", "", message.Sender.Value));
        recorder.Handled.Enqueue((message.Id, message.ConversationId, message.Sequence));
        return Task.CompletedTask;
    }
}

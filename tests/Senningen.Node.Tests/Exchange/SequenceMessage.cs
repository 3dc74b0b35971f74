using System.Collections.Concurrent;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Tests.Exchange;

/// <summary>A test message type whose handling is observable: the handler notes every message it handles.</summary>
public sealed record SequencePayload(int N);

/// <summary>Outlives node restarts, so a test can see every handling across them.</summary>
public sealed class SequenceRecorder
{
    public ConcurrentQueue<(Guid Id, Guid Conversation, long Sequence)> Handled { get; } = new();
}

public sealed class SequenceHandler(SequenceRecorder recorder) : IMessageHandler
{
    public const string MessageType = "test.sequence";

    public string Type => MessageType;

    public int Version => 1;

    public Task HandleAsync(InboxMessage message, object payload, SenningenDbContext db, CancellationToken cancellationToken)
    {
        recorder.Handled.Enqueue((message.Id, message.ConversationId, message.Sequence));
        return Task.CompletedTask;
    }
}

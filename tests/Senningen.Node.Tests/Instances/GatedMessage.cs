using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Tests.Instances;

public sealed record GatedPayload(int N);

/// <summary>Holds the handlers of one instance until the test opens it, so a test can kill an instance mid-handling.</summary>
public sealed class HandlerGate
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _returned;

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many handlings ran to their end (their effects then commit, or roll back, with "handled").</summary>
    public int Returned => Volatile.Read(ref _returned);

    public void Open() => _open.TrySetResult();

    internal async Task PassAsync()
    {
        Entered.TrySetResult();
        await _open.Task;
    }

    internal void Return() => Interlocked.Increment(ref _returned);
}

/// <summary>Its effect is an audit entry naming the instance that handled it, committed with "handled" or not at all.</summary>
public sealed class GatedHandler(HandlerGate gate, InstanceLiveness liveness, AuditLog audit) : IMessageHandler<GatedPayload>
{
    public const string MessageType = "test.gated";
    public const string EffectAction = "test.gated-handled";

    public async Task HandleAsync(InboxMessage message, GatedPayload payload, SenningenDbContext db, CancellationToken cancellationToken)
    {
        // Not cancelled by the stopping node: a handler that has begun finishes, as a real one writing its effects would.
        await gate.PassAsync();
        audit.Add(new AuditRecord(EffectAction, AuditOutcomes.Success, [$"message:{message.Id}"], Detail: liveness.Name),
            new Actor("test", "", message.Sender.Value));
        gate.Return();
    }
}

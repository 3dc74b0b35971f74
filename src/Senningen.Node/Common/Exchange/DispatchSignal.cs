using System.Collections.Concurrent;

namespace Senningen.Node.Common.Exchange;

/// <summary>How a delivery ended, for whoever waits on it (the ping endpoint).</summary>
public sealed record DeliveryOutcome(Guid MessageId, string Outcome, string? Reason, DateTimeOffset At);

/// <summary>
/// Wakes the dispatcher and the inbox processor as soon as there is work, instead of waiting for the next poll,
/// and completes the waiters of a delivery.
/// </summary>
public sealed class DispatchSignal : IDisposable
{
    private readonly SemaphoreSlim _outbox = new(0, 1);
    private readonly SemaphoreSlim _inbox = new(0, 1);
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<DeliveryOutcome>> _waiters = new();

    public void OutboxChanged() => Release(_outbox);

    public void InboxChanged() => Release(_inbox);

    public Task<bool> WaitForOutboxAsync(TimeSpan timeout, TimeProvider clock, CancellationToken ct) => WaitAsync(_outbox, timeout, clock, ct);

    public Task<bool> WaitForInboxAsync(TimeSpan timeout, TimeProvider clock, CancellationToken ct) => WaitAsync(_inbox, timeout, clock, ct);

    public Task<DeliveryOutcome> WhenDelivered(Guid messageId) =>
        _waiters.GetOrAdd(messageId, _ => new TaskCompletionSource<DeliveryOutcome>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Delivered(DeliveryOutcome outcome)
    {
        if (_waiters.TryRemove(outcome.MessageId, out var waiter))
        {
            waiter.TrySetResult(outcome);
        }
    }

    public void Forget(Guid messageId) => _waiters.TryRemove(messageId, out _);

    public void Dispose()
    {
        _outbox.Dispose();
        _inbox.Dispose();
    }

    private static void Release(SemaphoreSlim gate)
    {
        try
        {
            gate.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up is enough.
        }
    }

    // The poll timeout runs on the injected clock, so a test's fake clock decides when a quiet worker looks again.
    private static async Task<bool> WaitAsync(SemaphoreSlim gate, TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(timeout, clock, timeoutSource.Token);
        var signalled = gate.WaitAsync(timeoutSource.Token);
        var first = await Task.WhenAny(delay, signalled);
        await timeoutSource.CancelAsync();
        ct.ThrowIfCancellationRequested();
        try
        {
            await Task.WhenAll(delay, signalled);
        }
        catch (OperationCanceledException)
        {
            // The loser of the race was cancelled on purpose.
        }

        return first == signalled && signalled.IsCompletedSuccessfully;
    }
}

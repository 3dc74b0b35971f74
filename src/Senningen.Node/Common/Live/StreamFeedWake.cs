namespace Senningen.Node.Common.Live;

/// <summary>
/// Tells this instance's <see cref="StreamFeedSequencer"/> that a capability stored rows, here or (through the
/// capability's change feed and the backplane) at another instance, so they get their position at once rather than at
/// its next look.
/// </summary>
public sealed class StreamFeedWake : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        // One pending wake-up is enough: the sequencer takes every waiting row when it wakes.
        try
        {
            _signal.Release();
        }
        catch (Exception e) when (e is SemaphoreFullException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Waits for the next <see cref="Notify"/> or at most <paramref name="timeout"/>.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}

namespace Senningen.Node.Common.Audit;

/// <summary>
/// Tells the audit sequencer of this instance that entries were saved, so it integrates them at once rather than at
/// its next look; entries saved by other instances are found by that look.
/// </summary>
public sealed class AuditAppended : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        // One pending wake-up is enough: the sequencer takes every waiting entry when it wakes.
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }

    /// <summary>Waits for the next <see cref="Notify"/> or at most <paramref name="timeout"/>.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}

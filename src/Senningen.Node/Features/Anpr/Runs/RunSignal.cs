namespace Senningen.Node.Features.Anpr.Runs;

/// <summary>Wakes the merge worker when ingestion sealed a run, so merges follow load instead of a timer alone.</summary>
internal sealed class RunSignal : IDisposable
{
    private readonly SemaphoreSlim _sealed = new(0, 1);

    public void Sealed()
    {
        try
        {
            if (_sealed.CurrentCount == 0)
            {
                _sealed.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Another thread released first: the worker is awake either way.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _sealed.WaitAsync(timeout, ct);

    public void Dispose() => _sealed.Dispose();
}

/// <summary>Merges and the retention purge both rewrite sealed runs: one at a time.</summary>
internal sealed class RunLock : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        return new Release(_gate);
    }

    public void Dispose() => _gate.Dispose();

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}

namespace Senningen.Node.Common.Persistence;

/// <summary>
/// Serialises appends to the audit chain within this process (one per node). PostgreSQL adds an advisory
/// lock on top for other instances; SQLite is single-instance by design (see ADR 0002).
/// </summary>
public sealed class AuditChainLock : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        return new Release(_gate);
    }

    public void Dispose() => _gate.Dispose();

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}

namespace Senningen.Node.Common.Persistence;

/// <summary>
/// One writer at a time within this node's process. On SQLite every write passes it: SQLite allows one writer, and
/// queueing here is far cheaper than colliding and retrying inside the driver. On PostgreSQL only audit appends pass
/// it (with an advisory lock on top for other instances); other writes run in parallel.
/// </summary>
public sealed class WriteGate : IDisposable
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

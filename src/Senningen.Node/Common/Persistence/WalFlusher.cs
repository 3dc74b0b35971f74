namespace Senningen.Node.Common.Persistence;

/// <summary>
/// Group commit for a SQLite database in WAL mode. Its connections commit with synchronous=NORMAL, so a commit holds
/// the write lock for microseconds instead of an fsync; a save then returns only after an fsync of the WAL that began
/// after its commit. Commits that land together share one fsync, and a save that returned is on disk, as with FULL.
/// </summary>
public sealed class WalFlusher : IDisposable
{
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _wanted = new(0, 1);
    private string? _walPath;
    private long _committed;
    private long _durable;
    private TaskCompletionSource? _next;
    private Thread? _thread;
    private bool _disposed;

    /// <summary>True once the node has put its SQLite database in WAL mode; until then connections keep FULL.</summary>
    public bool Enabled => Volatile.Read(ref _walPath) is not null;

    /// <summary>The WAL file once enabled (for <see cref="WalCheckpointer"/>), else null.</summary>
    public string? WalPath => Volatile.Read(ref _walPath);

    public void Enable(string databaseFile) => Volatile.Write(ref _walPath, Path.GetFullPath(databaseFile) + "-wal");

    /// <summary>Call right after a commit returned; the ticket covers that commit and every one before it.</summary>
    public long Committed() => Interlocked.Increment(ref _committed);

    /// <summary>Completes when the commit behind <paramref name="ticket"/> is on disk.</summary>
    public Task WhenDurableAsync(long ticket)
    {
        lock (_lock)
        {
            if (!Enabled || ticket <= _durable)
            {
                return Task.CompletedTask;
            }

            ObjectDisposedException.ThrowIf(_disposed, this);

            if (_next is null)
            {
                _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                Wake();
            }

            return _next.Task;
        }
    }

    /// <summary>Waits for every commit made so far, for work that acts outside the database on what it read.</summary>
    public Task WhenDurableAsync() => WhenDurableAsync(Committed());

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            Wake();
        }
    }

    // fsync blocks: it gets a thread of its own (started on first use), never one of the thread pool's.
    private void Wake()
    {
        if (_thread is null && !_disposed)
        {
            _thread = new Thread(FlushWhileWaited) { IsBackground = true, Name = "SQLite WAL flush" };
            _thread.Start();
        }

        if (_wanted.CurrentCount == 0)
        {
            _wanted.Release();
        }
    }

    private void FlushWhileWaited()
    {
        while (true)
        {
            TaskCompletionSource waiters;
            long target;
            _wanted.Wait();
            lock (_lock)
            {
                if (_disposed)
                {
                    _next?.TrySetException(new ObjectDisposedException(nameof(WalFlusher)));
                    return;
                }

                if (_next is null)
                {
                    continue;
                }

                // Every ticket handed out so far belongs to a commit that finished before the fsync below starts.
                waiters = _next;
                _next = null;
                target = Volatile.Read(ref _committed);
            }

            try
            {
                SyncWal();
                lock (_lock)
                {
                    _durable = Math.Max(_durable, target);
                }

                waiters.SetResult();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                waiters.SetException(ex);
            }
        }
    }

    private void SyncWal()
    {
        try
        {
            // fsync applies to the file, not the descriptor: a handle of our own flushes what SQLite's connections wrote.
            // SQLite keeps no locks on the -wal file, so opening and closing it here disturbs none of theirs.
            using var wal = new FileStream(_walPath!, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
            wal.Flush(flushToDisk: true);
        }
        catch (FileNotFoundException)
        {
            // No WAL: the last connection checkpointed it into the database file, which SQLite synced before deleting it.
        }
    }
}

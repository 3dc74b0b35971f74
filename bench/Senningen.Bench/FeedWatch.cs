using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Node.Common.Persistence;

namespace Senningen.Bench;

/// <summary>
/// Sees rows appear as a console page does: a node's feed event (raised after the commit) wakes a reader, and a row
/// counts as visible when the read that found it returns, so the figure errs late by one small read, never early.
/// Subclasses subscribe <see cref="Wake"/> to their feed and say what a read finds.
/// </summary>
internal abstract class FeedWatch<TKey> : IAsyncDisposable
    where TKey : notnull
{
    private readonly IServiceProvider _services;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly ConcurrentDictionary<TKey, long> _seen;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    protected FeedWatch(IServiceProvider node, IEqualityComparer<TKey>? comparer = null)
    {
        _services = node;
        _seen = new ConcurrentDictionary<TKey, long>(comparer);
    }

    /// <summary>Stopwatch timestamp at which each key was first seen.</summary>
    public IReadOnlyDictionary<TKey, long> Seen => _seen;

    public async ValueTask DisposeAsync()
    {
        Unsubscribe();
        await _stop.CancelAsync();
        try
        {
            await (_loop ?? Task.CompletedTask);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
        _wake.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts reading; call once the subclass has subscribed <see cref="Wake"/>.</summary>
    protected void Start() => _loop = Task.Run(ReadLoopAsync);

    /// <summary>The keys visible now; called after each wake-up.</summary>
    protected abstract Task<IReadOnlyList<TKey>> ReadAsync(SenningenDbContext db, CancellationToken ct);

    protected abstract void Unsubscribe();

    protected void Wake()
    {
        // One pending wake-up is enough: the read after it sees everything committed before it.
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        var ct = _stop.Token;
        while (!ct.IsCancellationRequested)
        {
            // The timeout is a safety net for a missed signal; the signal is what gives the timing.
            await _wake.WaitAsync(TimeSpan.FromMilliseconds(250), ct);
            await using var scope = _services.CreateAsyncScope();
            var keys = await ReadAsync(scope.ServiceProvider.GetRequiredService<SenningenDbContext>(), ct);
            var now = Stopwatch.GetTimestamp();
            foreach (var key in keys)
            {
                _seen.TryAdd(key, now);
            }
        }
    }
}

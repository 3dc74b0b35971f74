using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations;

namespace Senningen.Bench.Operations;

/// <summary>
/// Sees alerts appear at the partner as its console does: the node's <see cref="OperationsFeed.AlertsChanged"/> (raised
/// after the inbox handler's commit) wakes a reader of <c>ops_alerts</c>. An alert counts as visible when the read that
/// found it returns, so the figure errs late by one small read, never early.
/// </summary>
internal sealed class AlertWatch : IAsyncDisposable
{
    private readonly IServiceProvider _services;
    private readonly OperationsFeed _feed;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly ConcurrentDictionary<Guid, long> _seen = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public AlertWatch(IServiceProvider partner)
    {
        _services = partner;
        _feed = partner.GetRequiredService<OperationsFeed>();
        _feed.AlertsChanged += Wake;
        _loop = Task.Run(ReadLoopAsync);
    }

    /// <summary>Stopwatch timestamp at which the first alert of each operation was seen.</summary>
    public IReadOnlyDictionary<Guid, long> Seen => _seen;

    public async Task<bool> WaitForAsync(Guid operation, TimeSpan timeout, CancellationToken ct)
    {
        var until = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!_seen.ContainsKey(operation))
        {
            if (Stopwatch.GetTimestamp() > until)
            {
                return false;
            }

            await Task.Delay(10, ct);
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        _feed.AlertsChanged -= Wake;
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
        _wake.Dispose();
    }

    private void Wake()
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
            var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
            var operations = await db.Alerts.AsNoTracking().Select(a => a.OperationId).ToListAsync(ct);
            var now = Stopwatch.GetTimestamp();
            foreach (var operation in operations)
            {
                _seen.TryAdd(operation, now);
            }
        }
    }
}

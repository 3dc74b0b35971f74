using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Live;
using Senningen.Node.Features.Operations.Public;

namespace Senningen.Node.Features.Operations.Positions;

/// <summary>
/// Group commit for position batches. Each operation belongs to one of a few lanes; a lane takes every batch waiting
/// in it and stores them in one transaction (one commit, one fsync on SQLite, a handful of round trips on PostgreSQL),
/// then answers each with its own outcome. One commit per batch capped a node at its commits per second, far below
/// 2,000 units reporting once a second. A lane keeps an operation's batches in arrival order and never runs two of
/// them at once, so they cannot collide on the units' versions within this process.
/// </summary>
internal sealed partial class PositionWriter(IServiceScopeFactory scopes, ChangeFeed<OperationsChange> feed, ILogger<PositionWriter> logger) : IAsyncDisposable
{
    private const int Lanes = 2;
    private const int MaxFixesPerGroup = 5_000;
    private const int Attempts = 4;
    private readonly Channel<PendingPositions>[] _lanes = [.. Enumerable.Range(0, Lanes).Select(_ => Channel.CreateUnbounded<PendingPositions>(
        new UnboundedChannelOptions { SingleReader = true }))];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _startLock = new();
    private Task[]? _loops;

    public ValueTask EnqueueAsync(PendingPositions pending, CancellationToken ct)
    {
        EnsureStarted();
        return _lanes[(pending.OperationId.GetHashCode() & int.MaxValue) % Lanes].Writer.WriteAsync(pending, ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lane in _lanes)
        {
            lane.Writer.TryComplete();
        }

        await _stopping.CancelAsync();
        if (_loops is { } loops)
        {
            await Task.WhenAll(loops).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        foreach (var lane in _lanes)
        {
            while (lane.Reader.TryRead(out var left))
            {
                left.Completion.TrySetCanceled();
            }
        }

        _stopping.Dispose();
    }

    private void EnsureStarted()
    {
        if (Volatile.Read(ref _loops) is not null)
        {
            return;
        }

        lock (_startLock)
        {
            _loops ??= [.. _lanes.Select(lane => Task.Run(() => RunLaneAsync(lane.Reader, _stopping.Token)))];
        }
    }

    private async Task RunLaneAsync(ChannelReader<PendingPositions> reader, CancellationToken ct)
    {
        try
        {
            while (await reader.WaitToReadAsync(ct))
            {
                var group = new List<PendingPositions>();
                var fixes = 0;
                while (fixes < MaxFixesPerGroup && reader.TryRead(out var pending))
                {
                    group.Add(pending);
                    fixes += pending.Inputs.Count;
                }

                try
                {
                    await StoreGroupAsync(group, ct);
                }
                catch (OperationCanceledException)
                {
                    foreach (var pending in group)
                    {
                        pending.Completion.TrySetCanceled(ct);
                    }

                    throw;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: DisposeAsync cancels what is still queued.
        }
    }

    private async Task StoreGroupAsync(List<PendingPositions> group, CancellationToken ct)
    {
        if (group.Count == 1)
        {
            await StoreAloneAsync(group[0], ct);
            return;
        }

        try
        {
            Complete(group, await StoreAsync(group, ct));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Another instance moved one of these units on, or one batch is at fault: each batch on its own, so the
            // others are not held back by it and the fault reaches only its own caller.
            LogGroupFallback(logger, group.Count, ex);
            foreach (var pending in group)
            {
                await StoreAloneAsync(pending, ct);
            }
        }
    }

    private async Task StoreAloneAsync(PendingPositions pending, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Complete([pending], await StoreAsync([pending], ct));
                return;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // The unit's version moved (another instance stored a batch for it): start again from the committed state.
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                pending.Completion.TrySetException(ex);
                return;
            }
        }
    }

    private async Task<IReadOnlyList<IngestOutcome>> StoreAsync(List<PendingPositions> group, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PositionStore>().StoreAsync(group, ct);
    }

    private void Complete(List<PendingPositions> group, IReadOnlyList<IngestOutcome> outcomes)
    {
        for (var i = 0; i < group.Count; i++)
        {
            if (outcomes[i].Result is { Accepted: > 0 } or { Rejected.Count: > 0 })
            {
                feed.Publish(OperationsChange.Operation(group[i].OperationId));
            }

            group[i].Completion.TrySetResult(outcomes[i]);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A group of {Count} position batches failed; storing them one by one")]
    private static partial void LogGroupFallback(ILogger logger, int count, Exception exception);
}

using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Exchange;

/// <summary>
/// The loop shared by the outbox dispatcher and the inbox processor: run a round; when it found nothing, wait for a
/// signal or the poll interval; survive database hiccups; and at stop hand back whatever this instance still claims.
/// A round claims only while this instance holds its liveness lock (<see cref="InstanceLiveness"/>): without it, another
/// instance may take it for dead and hand its claims on, so a round's final write checks the claim is still its own.
/// </summary>
internal abstract partial class ClaimingWorker(IServiceScopeFactory scopes, InstanceLiveness liveness, ILogger logger) : BackgroundService
{
    protected IServiceScopeFactory Scopes { get; } = scopes;

    protected ILogger Logger { get; } = logger;

    /// <summary>Names this instance in the claims it takes (one name per process, its liveness lock's), so instances keep apart.</summary>
    protected string Instance => liveness.Name;

    /// <summary>Runs one round once this instance holds its liveness lock.</summary>
    /// <returns>How many items the round worked on; 0 makes the worker wait.</returns>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await liveness.WhenAliveAsync(ct);
        return await RunRoundAsync(ct);
    }

    protected abstract Task<int> RunRoundAsync(CancellationToken ct);

    /// <param name="polls">False for the extra loops: they wait for a signal only, so an idle node polls once per interval.</param>
    protected abstract Task WaitForWorkAsync(bool polls, CancellationToken ct);

    /// <summary>Called after a round that found work: the signal wakes another loop, which claims what this one left.</summary>
    protected virtual void FoundWork()
    {
    }

    protected abstract Task ReleaseClaimsAsync(SenningenDbContext db);

    /// <summary>How many rounds may be in progress at once; their claims keep them apart.</summary>
    protected virtual int Loops => 1;

    /// <summary>
    /// How long a loop woken by new work lets more gather before it claims. A round has a fixed cost (a claim, a
    /// transaction, an audit save and, for the dispatcher, a request), so at a steady few hundred messages a second
    /// rounds of one message each kept two cores busy on PostgreSQL and the queueing, not the work, made the latency.
    /// A loop that just found work goes on at once: under a backlog nothing waits.
    /// </summary>
    internal static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAll(Enumerable.Range(0, Loops).Select(loop => LoopAsync(loop == 0, stoppingToken)));
        }
        finally
        {
            await ReleaseAsync();
        }
    }

    private async Task LoopAsync(bool polls, CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = 0;
            try
            {
                worked = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                LogRoundFailed(Logger, GetType().Name, ex);
            }

            if (worked > 0 && Loops > 1)
            {
                FoundWork();
            }

            if (worked == 0)
            {
                try
                {
                    await WaitForWorkAsync(polls, stoppingToken);
                    // Real time, not the injected clock: a test that stops its clock must not stop delivery.
                    await Task.Delay(Linger, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    // A stopping instance hands back what it claimed, so a restart (or another instance) need not wait for the lease.
    private async Task ReleaseAsync()
    {
        try
        {
            await using var scope = Scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
            using var gate = await db.EnterWriteAsync(CancellationToken.None);
            await ReleaseClaimsAsync(db);
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            LogReleaseFailed(Logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claims could not be released at stop; their leases will expire")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Worker} round failed; it is retried on the next round")]
    private static partial void LogRoundFailed(ILogger logger, string worker, Exception exception);
}

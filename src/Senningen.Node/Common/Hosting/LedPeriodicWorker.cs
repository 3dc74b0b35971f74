using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Hosting;

/// <summary>
/// A job that one instance of the node runs at a time, on a period: it waits to lead its role
/// (<see cref="InstanceLeadership"/>), then runs a pass on every tick while it leads. A failed pass is logged and left to
/// the next tick, because every such job catches up on what the failed pass left; a lost lead stops the ticks until the
/// role is won again. Kept in one place so the jobs cannot drift apart in how they lead, wait and fail.
/// </summary>
internal abstract partial class LedPeriodicWorker(InstanceLeadership leadership, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>The node's clock, which paces the passes.</summary>
    protected TimeProvider Clock { get; } = clock;

    /// <summary>The leadership role: the name instances compete for, and under which a failure is logged.</summary>
    protected abstract string LeadRole { get; }

    /// <summary>The time between two passes, on the node's clock (a test that stops its clock stops the passes).</summary>
    protected abstract TimeSpan Period { get; }

    /// <summary>When set, a first pass runs this long after winning the lead instead of after a whole period.</summary>
    protected virtual TimeSpan? FirstPassAfter => null;

    protected abstract Task RunPassAsync(CancellationToken ct);

    protected sealed override Task ExecuteAsync(CancellationToken stoppingToken) =>
        leadership.RunWhileLeadingAsync(LeadRole, LeadAsync, stoppingToken);

    private async Task LeadAsync(CancellationToken ct)
    {
        var first = FirstPassAfter;
        if (first is not null)
        {
            await Task.Delay(first.Value, Clock, ct);
        }

        // Started before the first pass, so a long first pass does not push every later one back.
        using var timer = new PeriodicTimer(Period, Clock);
        if (first is not null)
        {
            await PassAsync(ct);
        }

        while (await timer.WaitForNextTickAsync(ct))
        {
            await PassAsync(ct);
        }
    }

    private async Task PassAsync(CancellationToken ct)
    {
        try
        {
            await RunPassAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The store may be away for a moment; the next tick does what this one could not.
            LogPassFailed(logger, LeadRole, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Role} pass failed; the next tick tries again")]
    private static partial void LogPassFailed(ILogger logger, string role, Exception exception);
}

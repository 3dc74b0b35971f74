using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Retention;
using Senningen.Node.Features.Retention.Overview;

namespace Senningen.Node.Features.Retention.Purging;

/// <summary>
/// Runs <see cref="PurgeExpired"/> shortly after start and then every <c>Senningen:Retention:PurgeInterval</c>, at one
/// instance of the node: two purges at once would audit the same deletion twice. At start it checks that every kind has
/// one target and that what the targets do is what the retention table says they do.
/// </summary>
internal sealed partial class RetentionWorker(IServiceScopeFactory scopes, RetentionSettings settings, TimeProvider clock, PurgeSchedule schedule,
    InstanceLeadership leadership, ILogger<RetentionWorker> logger) : BackgroundService
{
    public const string Role = "retention";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var problems = RetentionTargetCheck.Problems(settings, scope.ServiceProvider.GetServices<IRetentionTarget>());
            if (problems.Count > 0)
            {
                throw new ConfigurationProblemException(problems);
            }
        }

        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => leadership.RunWhileLeadingAsync(Role, LeadAsync, stoppingToken);

    private async Task LeadAsync(CancellationToken stoppingToken)
    {
        // Not at once: the node first finishes starting (and a test that freezes the clock decides when purges happen).
        var first = settings.PurgeInterval < TimeSpan.FromMinutes(1) ? settings.PurgeInterval : TimeSpan.FromMinutes(1);
        await Task.Delay(first, clock, stoppingToken);
        using var timer = new PeriodicTimer(settings.PurgeInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PurgeExpired>().RunAsync(stoppingToken);
                schedule.LastRun = clock.GetUtcNow();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be away for a moment; the next run purges what this one could not.
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention purge failed; the next run tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

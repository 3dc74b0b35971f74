using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Features.Anpr.Retention;

/// <summary>
/// Runs <see cref="PurgeReads"/> shortly after start and then every <c>Senningen:Anpr:Legal:PurgeInterval</c> (default
/// hourly), at one instance of the node: two purges at once would drop the same partitions and audit the same deletion twice.
/// </summary>
internal sealed partial class ReadRetentionWorker(IServiceScopeFactory scopes, AnprLegalRules rules, TimeProvider clock,
    InstanceLeadership leadership, ILogger<ReadRetentionWorker> logger) : BackgroundService
{
    public const string Role = "anpr-retention";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => leadership.RunWhileLeadingAsync(Role, LeadAsync, stoppingToken);

    private async Task LeadAsync(CancellationToken stoppingToken)
    {
        // Not at once: the node first finishes starting (and a test that freezes the clock decides when purges happen).
        var first = rules.PurgeInterval < TimeSpan.FromMinutes(1) ? rules.PurgeInterval : TimeSpan.FromMinutes(1);
        await Task.Delay(first, clock, stoppingToken);
        using var timer = new PeriodicTimer(rules.PurgeInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PurgeReads>().RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be away for a moment; the next run deletes what this one could not.
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "ANPR retention purge failed; the next run tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

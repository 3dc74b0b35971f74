using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Hosting;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Retention;
using Senningen.Node.Features.Retention.Overview;

namespace Senningen.Node.Features.Retention.Purging;

/// <summary>
/// Runs <see cref="PurgeExpired"/> shortly after start and then every <c>Senningen:Retention:PurgeInterval</c>, at one
/// instance of the node: two purges at once would audit the same deletion twice. At start it checks that every kind has
/// one target and that what the targets do is what the retention table says they do.
/// </summary>
internal sealed class RetentionWorker(IServiceScopeFactory scopes, RetentionSettings settings, TimeProvider clock, PurgeSchedule schedule,
    InstanceLeadership leadership, ILogger<RetentionWorker> logger) : LedPeriodicWorker(leadership, clock, logger)
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

    protected override string LeadRole => Role;

    protected override TimeSpan Period => settings.PurgeInterval;

    // Soon after start, not at once: the node first finishes starting (and a test that freezes the clock decides when
    // purges happen).
    protected override TimeSpan? FirstPassAfter => settings.PurgeInterval < TimeSpan.FromMinutes(1) ? settings.PurgeInterval : TimeSpan.FromMinutes(1);

    protected override async Task RunPassAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PurgeExpired>().RunAsync(ct);
        schedule.LastRun = Clock.GetUtcNow();
    }
}

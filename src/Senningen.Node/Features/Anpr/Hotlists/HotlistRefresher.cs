using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Features.Anpr.Hotlists;

/// <summary>
/// Loads the hotlist before the node serves reads, and on PostgreSQL (several instances may share the database)
/// checks the version row every few seconds and reloads when another instance changed the list.
/// </summary>
internal sealed partial class HotlistRefresher(LiveHotlist hotlist, IServiceScopeFactory scopes, NodeSettings node, AnprSettings settings,
    TimeProvider clock, ILogger<HotlistRefresher> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            await hotlist.ReloadAsync(scope.ServiceProvider.GetRequiredService<SenningenDbContext>(), cancellationToken);
        }

        LogLoaded(logger, hotlist.Current.Count);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (node.Database.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        using var timer = new PeriodicTimer(settings.HotlistPollInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
                if (await LiveHotlist.ReadVersionAsync(db, stoppingToken) != hotlist.LoadedVersion)
                {
                    await hotlist.ReloadAsync(db, stoppingToken);
                    LogLoaded(logger, hotlist.Current.Count);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be away for a moment; matching goes on against the snapshot it has.
                LogCheckFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ANPR hotlist loaded: {Count} entries")]
    private static partial void LogLoaded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ANPR hotlist version check failed; matching goes on with the loaded list")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}

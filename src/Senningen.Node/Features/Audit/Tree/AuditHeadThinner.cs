using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Features.Audit.Tree;

/// <summary>Thins superseded tree heads (<see cref="AuditHeadThinning"/>) every few minutes, on one instance at a time.</summary>
internal sealed partial class AuditHeadThinner(IServiceScopeFactory scopes, InstanceLeadership leadership, AuditTreeSettings tree,
    NodeSettings settings, TimeProvider clock, ILogger<AuditHeadThinner> logger) : BackgroundService
{
    public const string Role = "audit-head-thinner";
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(5);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => leadership.RunWhileLeadingAsync(Role, RunAsync, stoppingToken);

    private async Task RunAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Every, clock);
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                int removed;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var services = scope.ServiceProvider;
                    removed = await AuditHeadThinning.ThinAsync(services.GetRequiredService<SenningenDbContext>(), services.GetRequiredService<AuditLog>(),
                        Actor.Node(settings), clock.GetUtcNow(), tree.KeepEveryHeadFor, ct);
                }
                while (removed == AuditHeadThinning.Chunk);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Nothing is lost by waiting: the next tick thins what this one could not.
                LogThinningFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Thinning superseded audit tree heads failed")]
    private static partial void LogThinningFailed(ILogger logger, Exception exception);
}

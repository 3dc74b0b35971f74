using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Features.Audit.Witness;

/// <summary>
/// Publishes this node's latest tree head to the partners every <c>Senningen:Audit:PublishHeadsEvery</c>, on one
/// instance of the node at a time (<see cref="InstanceLeadership"/>).
/// </summary>
internal sealed partial class HeadPublisher(IServiceScopeFactory scopes, InstanceLeadership leadership, WitnessSettings witness,
    NodeSettings settings, TimeProvider clock, ILogger<HeadPublisher> logger) : BackgroundService
{
    public const string Role = "audit-head-publisher";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => leadership.RunWhileLeadingAsync(Role, RunAsync, stoppingToken);

    private async Task RunAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(witness.PublishHeadsEvery, clock);
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PublishTreeHeads>().RunAsync(Actor.Node(settings), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next tick tries again; a head not sent now is superseded by the next one anyway.
                LogPublishFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing the audit tree head to the partners failed")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception);
}

using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Hosting;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Features.Audit.Witness;

/// <summary>
/// Publishes this node's latest tree head to the partners every <c>Senningen:Audit:PublishHeadsEvery</c>, on one
/// instance of the node at a time (<see cref="InstanceLeadership"/>). A head not sent on one tick is superseded by the
/// next one anyway.
/// </summary>
internal sealed class HeadPublisher(IServiceScopeFactory scopes, InstanceLeadership leadership, WitnessSettings witness,
    NodeSettings settings, TimeProvider clock, ILogger<HeadPublisher> logger) : LedPeriodicWorker(leadership, clock, logger)
{
    public const string Role = "audit-head-publisher";

    protected override string LeadRole => Role;

    protected override TimeSpan Period => witness.PublishHeadsEvery;

    protected override async Task RunPassAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PublishTreeHeads>().RunAsync(Actor.Node(settings), ct);
    }
}

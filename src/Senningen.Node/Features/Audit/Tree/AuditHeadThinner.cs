using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Hosting;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Features.Audit.Tree;

/// <summary>Thins superseded tree heads (<see cref="AuditHeadThinning"/>) every few minutes, on one instance at a time.</summary>
internal sealed class AuditHeadThinner(IServiceScopeFactory scopes, InstanceLeadership leadership, AuditTreeSettings tree,
    NodeSettings settings, TimeProvider clock, ILogger<AuditHeadThinner> logger) : LedPeriodicWorker(leadership, clock, logger)
{
    public const string Role = "audit-head-thinner";

    protected override string LeadRole => Role;

    protected override TimeSpan Period => TimeSpan.FromMinutes(5);

    protected override async Task RunPassAsync(CancellationToken ct)
    {
        int removed;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            removed = await AuditHeadThinning.ThinAsync(services.GetRequiredService<SenningenDbContext>(), services.GetRequiredService<AuditLog>(),
                Actor.Node(settings), Clock.GetUtcNow(), tree.KeepEveryHeadFor, ct);
        }
        while (removed == AuditHeadThinning.Chunk);
    }
}

using Microsoft.EntityFrameworkCore;
using Senningen.Core.Operations;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Hosting;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.Data;
using Senningen.Node.Features.Operations.Messages;
using Senningen.Node.Features.Operations.Public;

namespace Senningen.Node.Features.Operations.Alerts;

/// <summary>
/// Hands an alert nobody acknowledged in time to the national desk and tells the home control room. Instances
/// sharing a database run it one at a time (<see cref="InstanceLeadership"/>); should two briefly both lead, the alert's
/// version lets only one of them escalate it.
/// </summary>
internal sealed class EscalationWorker(IServiceScopeFactory scopes, NodeSettings settings, ChangeFeed<OperationsChange> feed, TimeProvider clock,
    InstanceLeadership leadership, ILogger<EscalationWorker> logger) : LedPeriodicWorker(leadership, clock, logger)
{
    public const string Role = "operations-escalation";

    protected override string LeadRole => Role;

    // A fifth of the acknowledgement window, so an alert is escalated at most that late.
    protected override TimeSpan Period => TimeSpan.FromMilliseconds(Math.Clamp(settings.Operations.AcknowledgeWithin.TotalMilliseconds / 5, 200, 1000));

    protected override Task RunPassAsync(CancellationToken ct) => RunOnceAsync(ct);

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var now = Clock.GetUtcNow();
        var due = now - settings.Operations.AcknowledgeWithin;
        var overdue = await db.Alerts.Where(a => a.Status == AlertStatus.Open && a.ReceivedAt <= due).OrderBy(a => a.ReceivedAt)
            .Select(a => a.Id).Take(50).ToListAsync(ct);
        var escalated = 0;
        foreach (var id in overdue)
        {
            db.ChangeTracker.Clear();
            var alert = await db.Alerts.FirstAsync(a => a.Id == id, ct);
            if (!AlertSteps.Apply(alert, AlertAction.Escalate, now).IsAllowed)
            {
                // Acknowledged (or closed) between the query and this read: nothing to escalate.
                continue;
            }

            await scope.ServiceProvider.GetRequiredService<Outbox>().EnqueueAsync(alert.FromCountry, EscalatedPayload.Type, 1,
                new EscalatedPayload(alert.OperationId, alert.Id, alert.Zone, now), alert.ConversationId, alert.CaseReference, cancellationToken: ct);
            scope.ServiceProvider.GetRequiredService<AuditLog>().Add(new AuditRecord(AuditActions.AlertEscalated, AuditOutcomes.Success,
                [$"alert:{alert.Id}", $"operation:{alert.OperationId}"], CaseReference: alert.CaseReference, Recipient: "national-desk",
                Detail: $"not acknowledged within {settings.Operations.AcknowledgeWithin.TotalSeconds:0} s in {alert.Zone}"), Actor.Node(settings));
            try
            {
                await db.SaveChangesAsync(ct);
                escalated++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Acknowledged or escalated by someone else in the meantime: nothing to do.
            }
        }

        if (escalated > 0)
        {
            feed.Publish(OperationsChange.AlertsOnly);
        }

        return escalated;
    }
}

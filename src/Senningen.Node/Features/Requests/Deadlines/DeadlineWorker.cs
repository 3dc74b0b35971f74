using Microsoft.EntityFrameworkCore;
using Senningen.Core.Requests;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Hosting;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Requests.Data;
using Senningen.Node.Features.Requests.Workflow;

namespace Senningen.Node.Features.Requests.Deadlines;

/// <summary>
/// Watches the clocks of the requests this node must answer: reminds the desk before the deadline, and hands a
/// missed deadline, or a crisis request nobody acknowledged in time, to the national single point of contact. Each
/// step goes on both timelines. Only the requested side runs the clock, so a step is never taken twice; instances
/// sharing a database run it one at a time (<see cref="InstanceLeadership"/>), and should two briefly both lead, the
/// request's version keeps them apart.
/// </summary>
internal sealed class DeadlineWorker(IServiceScopeFactory scopes, RequestsSettings settings, NodeSettings node, TimeProvider clock,
    InstanceLeadership leadership, ILogger<DeadlineWorker> logger) : LedPeriodicWorker(leadership, clock, logger)
{
    public const string Role = "requests-deadlines";

    protected override string LeadRole => Role;

    protected override TimeSpan Period => settings.DeadlineCheckEvery;

    protected override Task RunPassAsync(CancellationToken ct) => RunOnceAsync(Clock.GetUtcNow(), ct);

    /// <summary>One pass at <paramref name="now"/>; returns the steps taken.</summary>
    public async Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var due = await db.Requests.AsNoTracking()
            .Where(r => r.Side == RequestSide.Requested && r.ClockRunning && r.EscalatedAt == null)
            .Where(r => r.AnswerBy <= now || (r.RemindedAt == null && r.RemindAt <= now) || (r.AcknowledgedAt == null && r.AcknowledgeBy <= now))
            .OrderBy(r => r.AnswerBy).Select(r => r.Id).Take(100).ToListAsync(ct);
        var taken = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            var request = await db.Requests.FirstAsync(r => r.Id == id, ct);
            var next = RequestDeadlines.Next(Plan(request), request.ClockRunning, request.AcknowledgedAt is not null, request.RemindedAt is not null,
                request.EscalatedAt is not null, now);
            if (next == DeadlineDue.Nothing)
            {
                continue;
            }

            await StepAsync(scope.ServiceProvider, request, next, now, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                taken++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Answered, or handled by another instance, in the meantime: the next pass sees where it stands.
            }
        }

        return taken;
    }

    private async Task StepAsync(IServiceProvider services, CooperationRequest request, DeadlineDue next, DateTimeOffset now, CancellationToken ct)
    {
        var state = request.State;
        var action = next == DeadlineDue.Remind ? RequestAction.Remind : RequestAction.Escalate;
        var decision = RequestWorkflow.Decide(state, action, RequestSide.Requested, [RequestWorkflow.NodeRole], hasReason: false);
        if (!decision.IsAllowed)
        {
            return;
        }

        var actor = Actor.Node(node);
        // The desk's own reason for being late travels with the escalation: the SPOC sees why before it calls.
        await services.GetRequiredService<RequestSteps>().RecordAsync(request,
            new StepDecision(action, decision.To, action == RequestAction.Escalate ? request.DelayReason : null), actor, now, ct);
        if (action == RequestAction.Escalate)
        {
            var spoc = services.GetRequiredService<RequestCatalogue>().SpocOf(node.Country);
            services.GetRequiredService<AuditLog>().Add(new AuditRecord(AuditActions.RequestEscalated, AuditOutcomes.Success, [$"request:{request.Id}"],
                CaseReference: request.CaseReference, Recipient: spoc.Id,
                Detail: next == DeadlineDue.EscalateUnacknowledged
                    ? $"{request.Reference} crisis request not acknowledged by {RequestDeadlineText(request.AcknowledgeBy)}"
                    : $"{request.Reference} not answered by {RequestDeadlineText(request.AnswerBy)}"), actor);
        }
    }

    // A running clock always has its deadlines (fixed at submission); without one there is nothing to miss.
    private static DeadlinePlan Plan(CooperationRequest r) =>
        new(r.Urgency, r.SubmittedAt ?? r.CreatedAt, r.AnswerBy ?? DateTimeOffset.MaxValue, r.RemindAt ?? DateTimeOffset.MaxValue, r.AcknowledgeBy);

    private static string RequestDeadlineText(DateTimeOffset? at) => at is { } v ? v.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : "?";
}

using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Operations;
using Senningen.Core.Access;
using Senningen.Core.Operations;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Officers;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Security;
using Senningen.Node.Features.Operations.Data;
using Senningen.Node.Features.Operations.Messages;
using Senningen.Node.Features.Operations.Public;

namespace Senningen.Node.Features.Operations.Alerts;

/// <summary>
/// The operator of the zone (or the national desk after escalation) has seen the crossing; the home control room is
/// told over the exchange. 409 when it was acknowledged already, closed, or changed meanwhile. Shared by the API and the alerts page.
/// </summary>
internal sealed class AcknowledgeAlert(SenningenDbContext db, Outbox outbox, AuditLog audit, AlertReader reader, ZoneDirectory zones,
    ChangeFeed<OperationsChange> feed, CurrentOfficer officer, NeedToKnowGuard guard, Texts texts, TimeProvider clock)
{
    public async Task<Outcome<AlertView>> AcknowledgeAsync(Guid id, AcknowledgeAlertRequest? request, CancellationToken ct)
    {
        if (request?.Note is { Length: > 500 })
        {
            return Failure.Invalid(new FieldError("note", Rules.MaxLength, texts["rule.max-length", "note", 500]));
        }

        var alert = await db.Alerts.FirstOrDefaultAsync(a => a.Id == id, ct);
        // Acknowledging speaks for the zone's control room to the partner: only those who may change the zone's alerts do it.
        if (alert is null || !await guard.CheckAsync(Capability.Alerts, AccessKind.Change, AlertReader.OwnerOf(alert), $"alert:{id}", ct))
        {
            return Failure.NotFound(texts, texts["alerts.alert"]);
        }

        var now = clock.GetUtcNow();
        var actor = officer.Actor;
        var decision = AlertSteps.Apply(alert, AlertAction.Acknowledge, now, actor.Name);
        if (!decision.IsAllowed)
        {
            return Failure.Conflict(texts[decision.Refusal == AlertRefusal.Closed ? "alerts.problem.closed" : "alerts.problem.already-acknowledged"]);
        }

        var room = zones.ControlRoomName(alert.Zone, "en");
        await outbox.EnqueueAsync(alert.FromCountry, AcknowledgedPayload.Type, 1,
            new AcknowledgedPayload(alert.OperationId, alert.Id, alert.Zone, room, $"{actor.Name}, {actor.Unit}", now),
            alert.ConversationId, alert.CaseReference, cancellationToken: ct);
        audit.Add(new AuditRecord(AuditActions.AlertAcknowledged, AuditOutcomes.Success, [$"alert:{alert.Id}", $"operation:{alert.OperationId}"],
            CaseReference: alert.CaseReference, Recipient: alert.FromCountry.Value, Detail: request?.Note), actor);
        // With an Idempotency-Key the save joins a transaction that commits later, with the kept answer.
        db.AfterCommit(() => feed.Publish(OperationsChange.AlertsOnly));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict(texts["alerts.problem.changed"]);
        }

        return (await reader.GetAsync(alert.Id, Texts.CurrentLanguage, auditFor: null, ct))!;
    }
}

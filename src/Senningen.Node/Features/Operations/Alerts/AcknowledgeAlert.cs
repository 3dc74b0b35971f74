using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Operations;
using Senningen.Core.Countries;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.Data;
using Senningen.Node.Features.Operations.Messages;

namespace Senningen.Node.Features.Operations.Alerts;

/// <summary>
/// <c>POST /api/v1/alerts/{id}/acknowledge</c>: the operator of the zone (or the national desk after escalation)
/// has seen the crossing; the home control room is told over the exchange.
/// </summary>
internal static class AcknowledgeAlert
{
    public static async Task<Results<Ok<AlertView>, ProblemHttpResult>> HandleAsync(Guid id, AcknowledgeAlertRequest? request,
        SenningenDbContext db, Outbox outbox, AuditLog audit, AlertReader reader, ZoneDirectory zones, NodeSettings settings,
        ChangeFeed<OperationsChange> feed, ClaimsPrincipal user, Texts texts, TimeProvider clock, CancellationToken ct)
    {
        if (request?.Note is { Length: > 500 })
        {
            return Problems.Validation(texts, new FieldError("note", Rules.MaxLength, texts["rule.max-length", "note", 500]));
        }

        var alert = await db.Alerts.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (alert is null)
        {
            return Problems.NotFound(texts, texts["alerts.alert"]);
        }

        if (alert.Status is AlertStatus.Acknowledged || alert.AcknowledgedAtMs is not null)
        {
            return Problems.Conflict(texts, texts["alerts.problem.already-acknowledged"]);
        }

        if (alert.Status is AlertStatus.Closed)
        {
            return Problems.Conflict(texts, texts["alerts.problem.closed"]);
        }

        var now = clock.GetUtcNow();
        var actor = Actor.From(user, settings);
        alert.Status = AlertStatus.Acknowledged;
        alert.AcknowledgedAtMs = now.ToUnixTimeMilliseconds();
        alert.AcknowledgedBy = actor.Name;
        alert.Version++;
        var room = zones.ControlRoomName(alert.Zone, "en");
        await outbox.EnqueueAsync(CountryCode.Parse(alert.FromCountry), AcknowledgedPayload.Type, 1,
            new AcknowledgedPayload(alert.OperationId, alert.Id, alert.Zone, room, $"{actor.Name}, {actor.Unit}", now),
            alert.ConversationId, alert.CaseReference, cancellationToken: ct);
        audit.Add(new AuditRecord(AuditActions.AlertAcknowledged, AuditOutcomes.Success, [$"alert:{alert.Id}", $"operation:{alert.OperationId}"],
            CaseReference: alert.CaseReference, Recipient: alert.FromCountry, Detail: request?.Note), actor);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict(texts, texts["alerts.problem.changed"]);
        }

        feed.Publish(OperationsChange.AlertsOnly);
        return TypedResults.Ok((await reader.GetAsync(alert.Id, Texts.CurrentLanguage, auditFor: null, ct))!);
    }
}

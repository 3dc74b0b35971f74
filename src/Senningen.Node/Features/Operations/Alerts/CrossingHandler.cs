using Senningen.Core.Countries;
using Senningen.Core.Exchange;
using Senningen.Core.Operations;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.Data;
using Senningen.Node.Features.Operations.Messages;
using Senningen.Node.Features.Operations.Public;

namespace Senningen.Node.Features.Operations.Alerts;

/// <summary>
/// Partner side of <c>operations.crossing</c>: puts the operation on the screen of the control room of the zone entered,
/// and closes the alerts of zones the operation no longer occupies (re-routing). Only the operation's home country may
/// announce it, and once it has, no other partner may re-announce it (<see cref="AlertOwnership"/>).
/// </summary>
internal sealed class CrossingHandler(AuditLog audit, NodeSettings settings, ChangeFeed<OperationsChange> feed, TimeProvider clock)
    : IMessageHandler<CrossingPayload>, IMessageAdmission<CrossingPayload>
{
    public ValueTask<string?> RefusalAsync(CountryCode sender, CrossingPayload payload, SenningenDbContext db, CancellationToken cancellationToken) =>
        !string.Equals(payload.HomeCountry, sender.Value, StringComparison.Ordinal)
            ? ValueTask.FromResult<string?>(RejectionReasons.NotOperationOwner)
            : AlertOwnership.RefusalAsync(db, payload.OperationId, sender, cancellationToken);

    public async Task HandleAsync(InboxMessage message, CrossingPayload p, SenningenDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var alerts = await AlertRows.OfOperationAsync(db, p.OperationId, cancellationToken);
        if (!string.Equals(p.HomeCountry, message.Sender.Value, StringComparison.Ordinal))
        {
            AlertOwnership.Deny(message, p.OperationId, $"of {p.HomeCountry}", audit, settings);
            return;
        }

        if (!AlertOwnership.Allows(alerts, message, p.OperationId, audit, settings))
        {
            return;
        }

        var alert = alerts.FirstOrDefault(a => a.Zone == p.ToZone);
        if (alert is null)
        {
            alert = AlertSteps.Receive(p.OperationId, p.ToZone, now);
            db.Alerts.Add(alert);
        }

        AlertSteps.Apply(alert, AlertAction.Enter, now);
        alert.FromCountry = message.Sender;
        alert.ConversationId = message.ConversationId;
        alert.OperationType = p.OperationType;
        alert.HomeZone = p.HomeZone;
        alert.Units = string.Join('\n', p.Units);
        alert.Vehicles = string.Join('\n', p.Vehicles);
        (alert.Suspect, alert.Reason, alert.CaseReference) = (p.Suspect, p.Reason, message.CaseReference);
        (alert.Lat, alert.Lon, alert.Heading, alert.Speed) = (p.Lat, p.Lon, p.Heading, p.Speed);
        (alert.CrossedLat, alert.CrossedLon) = (p.Lat, p.Lon);
        (alert.CrossedAt, alert.AuthorisationDeadline) = (p.CrossedAt, p.AuthorisationDeadline);
        db.AlertFixes.Add(new AlertFix
        {
            OperationId = p.OperationId, Unit = p.Unit, Time = p.CrossedAt, Lat = p.Lat, Lon = p.Lon, Speed = p.Speed, Heading = p.Heading,
        });
        AlertClosing.CloseUnoccupied(alerts, p.OccupiedZones.Append(p.ToZone), AlertAction.Leave, now);
        audit.Add(new AuditRecord(AuditActions.AlertReceived, AuditOutcomes.Success, [$"operation:{p.OperationId}", $"alert:{alert.Id}"],
            CaseReference: message.CaseReference, Recipient: p.ToZone,
            Detail: $"{p.OperationType} from {message.Sender}: {p.Unit} entered {p.ToZone}"), Actor.Node(settings));
        AlertRows.SignalAfterCommit(db, feed, p.OperationId);
    }
}

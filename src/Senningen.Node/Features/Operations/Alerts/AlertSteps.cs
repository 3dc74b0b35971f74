using Senningen.Core.Operations;
using Senningen.Node.Features.Operations.Data;

namespace Senningen.Node.Features.Operations.Alerts;

/// <summary>
/// Applies <see cref="AlertWorkflow"/> to an alert: the one place that sets its status, with the times and names each
/// event records. A refused event changes nothing; the caller decides what the refusal means (409, or nothing to do).
/// </summary>
internal static class AlertSteps
{
    /// <summary>A new alert for a zone the operation entered; the crossing's details follow with <see cref="AlertAction.Enter"/>.</summary>
    public static Alert Receive(Guid operationId, string zone, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), OperationId = operationId, Zone = zone, ReceivedAt = now, Status = AlertWorkflow.Received };

    /// <param name="by">Who acknowledged, for <see cref="AlertAction.Acknowledge"/>.</param>
    public static AlertDecision Apply(Alert alert, AlertAction action, DateTimeOffset now, string? by = null)
    {
        var decision = AlertWorkflow.Decide(alert.Status, action, alert.AcknowledgedAt is not null);
        if (!decision.IsAllowed)
        {
            return decision;
        }

        if (AlertWorkflow.Reopens(alert.Status, action))
        {
            // The operation came back into this zone: a new notice, a new clock.
            (alert.ReceivedAt, alert.AcknowledgedAt, alert.AcknowledgedBy) = (now, null, null);
            (alert.EscalatedAt, alert.Escalated, alert.ClosedAt) = (null, false, null);
        }

        switch (action)
        {
            case AlertAction.Acknowledge:
                (alert.AcknowledgedAt, alert.AcknowledgedBy) = (now, by);
                break;
            case AlertAction.Escalate:
                (alert.Escalated, alert.EscalatedAt) = (true, now);
                break;
            case AlertAction.Leave or AlertAction.End:
                alert.ClosedAt = now;
                break;
        }

        alert.Status = decision.To;
        alert.Version++;
        return decision;
    }
}

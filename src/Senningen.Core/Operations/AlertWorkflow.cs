namespace Senningen.Core.Operations;

/// <summary>One row of the alert workflow: the event, the statuses it may happen in, and the status after it.</summary>
/// <remarks>To: null when the event leaves the status as it is (a unit entering a zone whose alert is on screen).</remarks>
public sealed record AlertRule(AlertAction Action, IReadOnlyList<AlertStatus> From, AlertStatus? To);

/// <summary>An event that the workflow refuses from a status, and the refusal; events in neither table are <see cref="AlertRefusal.NotFromState"/>.</summary>
public sealed record AlertRefusalRule(AlertAction Action, IReadOnlyList<AlertStatus> From, AlertRefusal Refusal);

/// <summary>
/// The partner's alert as a table: received (open) → acknowledged, or escalated after the deadline and acknowledged
/// later; closed when the zone is left (re-routing) or the operation ends; reopened with a new clock when a unit
/// comes back into the zone. Message handlers, the worker and the acknowledge use case ask it; none assigns a status.
/// </summary>
public static class AlertWorkflow
{
    /// <summary>The status of an alert as it is received.</summary>
    public const AlertStatus Received = AlertStatus.Open;

    private static readonly AlertStatus[] OnScreen = [AlertStatus.Open, AlertStatus.Acknowledged, AlertStatus.Escalated];

    public static IReadOnlyList<AlertRule> Table { get; } =
    [
        new(AlertAction.Enter, OnScreen, null),
        new(AlertAction.Enter, [AlertStatus.Closed], AlertStatus.Open),
        new(AlertAction.Acknowledge, [AlertStatus.Open, AlertStatus.Escalated], AlertStatus.Acknowledged),
        new(AlertAction.Escalate, [AlertStatus.Open], AlertStatus.Escalated),
        new(AlertAction.Leave, OnScreen, AlertStatus.Closed),
        new(AlertAction.End, OnScreen, AlertStatus.Closed),
    ];

    /// <summary>The refusals an operator is told about; closed after an acknowledgement answers as acknowledged (see <see cref="Decide"/>).</summary>
    public static IReadOnlyList<AlertRefusalRule> Refusals { get; } =
    [
        new(AlertAction.Acknowledge, [AlertStatus.Acknowledged], AlertRefusal.AlreadyAcknowledged),
        new(AlertAction.Acknowledge, [AlertStatus.Closed], AlertRefusal.Closed),
    ];

    /// <summary>
    /// May <paramref name="action"/> happen to an alert in <paramref name="from"/>, and to which status does it lead?
    /// <paramref name="acknowledged"/>: somebody acknowledged the alert since it was last received, so a refused
    /// acknowledgement says so rather than that the alert is closed.
    /// </summary>
    public static AlertDecision Decide(AlertStatus from, AlertAction action, bool acknowledged)
    {
        foreach (var rule in Table)
        {
            if (rule.Action == action && rule.From.Contains(from))
            {
                return new AlertDecision(rule.To ?? from, AlertRefusal.None);
            }
        }

        foreach (var refusal in Refusals)
        {
            if (refusal.Action == action && refusal.From.Contains(from))
            {
                return new AlertDecision(from, acknowledged ? AlertRefusal.AlreadyAcknowledged : refusal.Refusal);
            }
        }

        return new AlertDecision(from, AlertRefusal.NotFromState);
    }

    /// <summary>Whether the event takes a closed alert back on screen: a new notice, a new clock.</summary>
    public static bool Reopens(AlertStatus from, AlertAction action) => from == AlertStatus.Closed && action == AlertAction.Enter;

    /// <summary>Still on a control room's screen (not closed): follows the units' positions.</summary>
    public static bool IsOnScreen(AlertStatus status) => status != AlertStatus.Closed;

    /// <summary>The status as the API and the console name it.</summary>
    public static string Name(AlertStatus status) => status switch
    {
        AlertStatus.Open => "open",
        AlertStatus.Acknowledged => "acknowledged",
        AlertStatus.Escalated => "escalated",
        _ => "closed",
    };
}

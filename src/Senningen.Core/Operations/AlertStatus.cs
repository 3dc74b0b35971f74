namespace Senningen.Core.Operations;

/// <summary>
/// Where an alert stands at the partner: a foreign operation on this territory, on the screen of the control room of
/// the zone it entered. Stored as its number.
/// </summary>
public enum AlertStatus
{
    /// <summary>Received: on the zone's screen, nobody has acknowledged it yet.</summary>
    Open = 0,
    Acknowledged = 1,

    /// <summary>Nobody acknowledged it in time: the national desk has it.</summary>
    Escalated = 2,

    /// <summary>No unit of the operation is in the zone any more, or the operation ended.</summary>
    Closed = 3,
}

/// <summary>What happens to an alert; each event comes from one place in the partner node.</summary>
public enum AlertAction
{
    /// <summary>A unit of the operation entered the alert's zone (the home node's crossing message), again or for the first time.</summary>
    Enter,

    /// <summary>The zone's operator, or the national desk after escalation, has seen it.</summary>
    Acknowledge,

    /// <summary>The acknowledgement deadline passed with the alert still open.</summary>
    Escalate,

    /// <summary>The home node says no unit occupies the zone any more: a unit left the country, or went on to another zone (re-routing).</summary>
    Leave,

    /// <summary>The home node ended the operation.</summary>
    End,
}

/// <summary>Why the alert workflow refused an event; the acknowledge endpoint answers the first two with 409.</summary>
public enum AlertRefusal
{
    None,

    /// <summary>Somebody acknowledged it already (also when it was closed after that).</summary>
    AlreadyAcknowledged,

    /// <summary>It closed before anybody acknowledged it.</summary>
    Closed,

    /// <summary>The event means nothing in this state (escalating an acknowledged alert, closing a closed one): nothing changes.</summary>
    NotFromState,
}

/// <summary>The answer of <see cref="AlertWorkflow.Decide"/>: the refusal, or none and the status after the event.</summary>
public readonly record struct AlertDecision(AlertStatus To, AlertRefusal Refusal)
{
    public bool IsAllowed => Refusal == AlertRefusal.None;
}

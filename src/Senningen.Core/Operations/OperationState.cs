namespace Senningen.Core.Operations;

/// <summary>What the node stores of where an operation stands (as its number): running, or ended.</summary>
public enum OperationStatus
{
    Active = 0,
    Ended = 1,
}

/// <summary>
/// Where an operation of this node stands, as <see cref="OperationWorkflow.StateOf"/> reads it from what is stored:
/// the status, where the units are confirmed to be, and whether the report is kept.
/// </summary>
public enum OperationState
{
    /// <summary>Running, every unit in the home country (or not yet located).</summary>
    Started,

    /// <summary>Running, at least one unit confirmed in another country.</summary>
    Abroad,

    /// <summary>Ended, its report not yet kept: only inside the unit of work that ends it.</summary>
    Ended,

    /// <summary>Ended, with the after-action report kept (and sent to the partners that were notified).</summary>
    Reported,
}

/// <summary>What happens to an operation of this node.</summary>
public enum OperationAction
{
    /// <summary>A batch of unit fixes arrives.</summary>
    RecordPositions,

    /// <summary>A confirmed crossing (of a border or a zone boundary) after which at least one unit is abroad.</summary>
    CrossAbroad,

    /// <summary>A confirmed crossing after which every unit is in the home country: back home, or a zone change at home.</summary>
    CrossHome,

    /// <summary>The officer or control room ends it with an outcome.</summary>
    End,

    /// <summary>The after-action report is generated and kept with it.</summary>
    KeepReport,

    /// <summary>Somebody reads the after-action report.</summary>
    ReadReport,
}

/// <summary>Why the operation workflow refused an event; the first two are 409 answers of the API.</summary>
public enum OperationRefusal
{
    None,

    /// <summary>It has ended: no more positions, no second end.</summary>
    Ended,

    /// <summary>It has not ended, so there is no report yet.</summary>
    NotEnded,

    /// <summary>The event cannot happen in this state (a crossing of an ended operation): a bug if it is asked.</summary>
    NotFromState,
}

/// <summary>The answer of <see cref="OperationWorkflow.Decide"/>: the refusal, or none and the state after the event.</summary>
public readonly record struct OperationDecision(OperationState To, OperationRefusal Refusal)
{
    public bool IsAllowed => Refusal == OperationRefusal.None;
}

namespace Senningen.Core.Operations;

/// <summary>One row of the operation workflow: the event, the states it may happen in, and the state after it.</summary>
/// <remarks>To: null when the event leaves the state as it is.</remarks>
public sealed record OperationRule(OperationAction Action, IReadOnlyList<OperationState> From, OperationState? To);

/// <summary>An event the workflow refuses from some states, and the refusal; events in neither table are <see cref="OperationRefusal.NotFromState"/>.</summary>
public sealed record OperationRefusalRule(OperationAction Action, IReadOnlyList<OperationState> From, OperationRefusal Refusal);

/// <summary>
/// The home side of an operation as a table: started → (crossing) abroad → (crossing back) started … → ended →
/// reported. Only the status and the report are stored; abroad is read from where the units are confirmed to be, as
/// the crossing detector leaves them. The use cases and the position store ask it; none assigns a status.
/// </summary>
public static class OperationWorkflow
{
    public const OperationState Initial = OperationState.Started;

    private static readonly OperationState[] Running = [OperationState.Started, OperationState.Abroad];

    private static readonly OperationState[] Over = [OperationState.Ended, OperationState.Reported];

    public static IReadOnlyList<OperationRule> Table { get; } =
    [
        new(OperationAction.RecordPositions, Running, null),
        new(OperationAction.CrossAbroad, Running, OperationState.Abroad),
        new(OperationAction.CrossHome, Running, OperationState.Started),
        new(OperationAction.End, Running, OperationState.Ended),
        new(OperationAction.KeepReport, [OperationState.Ended], OperationState.Reported),
        new(OperationAction.ReadReport, [OperationState.Reported], null),
    ];

    public static IReadOnlyList<OperationRefusalRule> Refusals { get; } =
    [
        new(OperationAction.RecordPositions, Over, OperationRefusal.Ended),
        new(OperationAction.End, Over, OperationRefusal.Ended),
        new(OperationAction.ReadReport, [.. Running, OperationState.Ended], OperationRefusal.NotEnded),
    ];

    public static OperationDecision Decide(OperationState from, OperationAction action)
    {
        foreach (var rule in Table)
        {
            if (rule.Action == action && rule.From.Contains(from))
            {
                return new OperationDecision(rule.To ?? from, OperationRefusal.None);
            }
        }

        foreach (var refusal in Refusals)
        {
            if (refusal.Action == action && refusal.From.Contains(from))
            {
                return new OperationDecision(from, refusal.Refusal);
            }
        }

        return new OperationDecision(from, OperationRefusal.NotFromState);
    }

    /// <summary>The state from what is stored: the status, whether the report is kept, whether a unit is confirmed abroad.</summary>
    public static OperationState StateOf(OperationStatus status, bool reportKept, bool anyUnitAbroad) => status switch
    {
        OperationStatus.Active => anyUnitAbroad ? OperationState.Abroad : OperationState.Started,
        _ => reportKept ? OperationState.Reported : OperationState.Ended,
    };

    /// <summary>What is stored of a state: running or ended.</summary>
    public static OperationStatus StatusOf(OperationState state) => Running.Contains(state) ? OperationStatus.Active : OperationStatus.Ended;

    /// <summary>The crossing event for what the units' confirmed countries are after it.</summary>
    public static OperationAction Crossing(bool anyUnitAbroad) => anyUnitAbroad ? OperationAction.CrossAbroad : OperationAction.CrossHome;
}

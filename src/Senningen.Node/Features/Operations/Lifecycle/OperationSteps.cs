using Senningen.Core.Operations;
using Senningen.Node.Common.Persistence.Converters;
using Senningen.Node.Features.Operations.Data;

namespace Senningen.Node.Features.Operations.Lifecycle;

/// <summary>
/// Applies <see cref="OperationWorkflow"/> to an operation of this node: the one place that sets its status. The
/// state is read from what is stored (status, report, the units' confirmed countries), so the units must be loaded.
/// </summary>
internal static class OperationSteps
{
    /// <summary>A new operation, as started.</summary>
    public static Operation Start(Operation operation)
    {
        operation.Status = OperationWorkflow.StatusOf(OperationWorkflow.Initial);
        return operation;
    }

    public static OperationState StateOf(Operation operation) => OperationWorkflow.StateOf(operation.Status, operation.Report is not null,
        operation.Units.Any(u => u.Country is { } country && country != operation.HomeCountry));

    public static OperationDecision Decide(Operation operation, OperationAction action) => OperationWorkflow.Decide(StateOf(operation), action);

    /// <summary>The units' crossings of one batch are stored: checks them against the state the operation had before.</summary>
    public static OperationState Crossed(Operation operation, OperationState before)
    {
        var decision = OperationWorkflow.Decide(before, OperationWorkflow.Crossing(StateOf(operation) == OperationState.Abroad));
        return Applied(operation, decision);
    }

    public static void End(Operation operation, string outcome, string? note, DateTimeOffset at)
    {
        Applied(operation, Decide(operation, OperationAction.End));
        // Kept as the column keeps it: the report is built from the operation before it is read back.
        (operation.EndedAt, operation.Outcome, operation.EndNote) = (UnixMillisecondsConverter.Truncate(at), outcome, note);
    }

    public static void KeepReport(Operation operation, string report)
    {
        Applied(operation, Decide(operation, OperationAction.KeepReport));
        operation.Report = report;
    }

    // Callers ask only what the workflow allows (they answer refusals first): a refusal here is a bug.
    private static OperationState Applied(Operation operation, OperationDecision decision)
    {
        if (!decision.IsAllowed)
        {
            throw new InvalidOperationException($"Operation {operation.Id}: the workflow refused the step ({decision.Refusal}).");
        }

        operation.Status = OperationWorkflow.StatusOf(decision.To);
        return decision.To;
    }
}

using FsCheck;
using FsCheck.Fluent;
using Senningen.Core.Operations;

namespace Senningen.Core.Tests.Operations;

/// <summary>Whatever events arrive, in any order, the two workflows keep the promises the control rooms rely on.</summary>
public sealed class WorkflowProperties
{
    private static readonly AlertAction[] AlertActions = Enum.GetValues<AlertAction>();
    private static readonly OperationAction[] OperationActions = Enum.GetValues<OperationAction>();

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property AnAlert_IsAcknowledgedOnceAtMostPerNotice_AndNeverEscalatedAfterItsAcknowledgement(int[] events)
    {
        var status = AlertWorkflow.Received;
        var acknowledged = false;
        var escalatedAfterAcknowledgement = false;
        var acknowledgementsThisNotice = 0;
        var maxPerNotice = 0;
        foreach (var e in events.Select(i => AlertActions[Math.Abs(i % AlertActions.Length)]))
        {
            var decision = AlertWorkflow.Decide(status, e, acknowledged);
            if (!decision.IsAllowed)
            {
                continue;
            }

            if (AlertWorkflow.Reopens(status, e))
            {
                (acknowledged, acknowledgementsThisNotice) = (false, 0);
            }

            if (e == AlertAction.Acknowledge)
            {
                acknowledged = true;
                maxPerNotice = Math.Max(maxPerNotice, ++acknowledgementsThisNotice);
            }

            escalatedAfterAcknowledgement |= e == AlertAction.Escalate && acknowledged;
            status = decision.To;
        }

        return (maxPerNotice <= 1 && !escalatedAfterAcknowledgement && (status == AlertStatus.Acknowledged) == (acknowledged && status != AlertStatus.Closed))
            .Label($"ended {status}, acknowledged {acknowledged}");
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property AClosedAlert_AnswersEveryEventButEntering_WithoutChanging(int[] events)
    {
        var status = AlertWorkflow.Received;
        var ok = true;
        foreach (var e in events.Select(i => AlertActions[Math.Abs(i % AlertActions.Length)]))
        {
            var decision = AlertWorkflow.Decide(status, e, acknowledged: false);
            ok &= status != AlertStatus.Closed || e == AlertAction.Enter || (!decision.IsAllowed && decision.To == AlertStatus.Closed);
            status = decision.IsAllowed ? decision.To : status;
        }

        return ok.ToProperty();
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property AnOperation_EndsOnce_NeverRunsAgain_AndHasAReportToReadOnlyOnceItIsKept(int[] events)
    {
        var state = OperationWorkflow.Initial;
        var ends = 0;
        var kept = false;
        var ok = true;
        foreach (var e in events.Select(i => OperationActions[Math.Abs(i % OperationActions.Length)]))
        {
            var decision = OperationWorkflow.Decide(state, e);
            ok &= e != OperationAction.ReadReport || decision.IsAllowed == kept;
            ok &= e != OperationAction.RecordPositions || decision.IsAllowed == (ends == 0);
            if (!decision.IsAllowed)
            {
                continue;
            }

            ends += e == OperationAction.End ? 1 : 0;
            kept |= e == OperationAction.KeepReport;
            ok &= ends == 0 || OperationWorkflow.StatusOf(decision.To) == OperationStatus.Ended;
            state = decision.To;
        }

        return (ok && ends <= 1).Label($"ended {ends} time(s) in {state}");
    }
}

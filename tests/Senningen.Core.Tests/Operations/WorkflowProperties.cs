using FsCheck;
using FsCheck.Fluent;
using Senningen.Core.Operations;

namespace Senningen.Core.Tests.Operations;

/// <summary>Whatever events arrive, in any order, the two workflows keep the promises the control rooms rely on.</summary>
public sealed class WorkflowProperties
{
    private static readonly AlertEvent[] AlertEvents = Enum.GetValues<AlertEvent>();
    private static readonly OperationEvent[] OperationEvents = Enum.GetValues<OperationEvent>();

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property AnAlert_IsAcknowledgedOnceAtMostPerNotice_AndNeverEscalatedAfterItsAcknowledgement(int[] events)
    {
        var status = AlertWorkflow.Received;
        var acknowledged = false;
        var escalatedAfterAcknowledgement = false;
        var acknowledgementsThisNotice = 0;
        var maxPerNotice = 0;
        foreach (var e in events.Select(i => AlertEvents[Math.Abs(i % AlertEvents.Length)]))
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

            if (e == AlertEvent.Acknowledge)
            {
                acknowledged = true;
                maxPerNotice = Math.Max(maxPerNotice, ++acknowledgementsThisNotice);
            }

            escalatedAfterAcknowledgement |= e == AlertEvent.Escalate && acknowledged;
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
        foreach (var e in events.Select(i => AlertEvents[Math.Abs(i % AlertEvents.Length)]))
        {
            var decision = AlertWorkflow.Decide(status, e, acknowledged: false);
            ok &= status != AlertStatus.Closed || e == AlertEvent.Enter || (!decision.IsAllowed && decision.To == AlertStatus.Closed);
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
        foreach (var e in events.Select(i => OperationEvents[Math.Abs(i % OperationEvents.Length)]))
        {
            var decision = OperationWorkflow.Decide(state, e);
            ok &= e != OperationEvent.ReadReport || decision.IsAllowed == kept;
            ok &= e != OperationEvent.RecordPositions || decision.IsAllowed == (ends == 0);
            if (!decision.IsAllowed)
            {
                continue;
            }

            ends += e == OperationEvent.End ? 1 : 0;
            kept |= e == OperationEvent.KeepReport;
            ok &= ends == 0 || OperationWorkflow.StatusOf(decision.To) == OperationStatus.Ended;
            state = decision.To;
        }

        return (ok && ends <= 1).Label($"ended {ends} time(s) in {state}");
    }
}

using Senningen.Core.Operations;

namespace Senningen.Core.Tests.Operations;

/// <summary>
/// Every event from every status, acknowledged before or not, against an oracle written out by hand from what the
/// partner node did before the table existed (crossing handler, acknowledge endpoint, escalation worker, left and
/// ended handlers): what is not listed here must be refused, and for the right reason.
/// </summary>
public sealed class AlertWorkflowTests
{
    private static (AlertStatus To, AlertRefusal Refusal) Oracle(AlertStatus from, AlertAction e, bool acknowledged) => (e, from) switch
    {
        // A crossing into the zone: an alert on screen is updated as it is; a closed one is received again.
        (AlertAction.Enter, AlertStatus.Closed) => (AlertStatus.Open, AlertRefusal.None),
        (AlertAction.Enter, _) => (from, AlertRefusal.None),

        // Acknowledging: already acknowledged (even if closed since) is a conflict; closed unacknowledged is another.
        (AlertAction.Acknowledge, AlertStatus.Open or AlertStatus.Escalated) => (AlertStatus.Acknowledged, AlertRefusal.None),
        (AlertAction.Acknowledge, AlertStatus.Acknowledged) => (from, AlertRefusal.AlreadyAcknowledged),
        (AlertAction.Acknowledge, AlertStatus.Closed) => (from, acknowledged ? AlertRefusal.AlreadyAcknowledged : AlertRefusal.Closed),

        // The worker escalates only what is still open.
        (AlertAction.Escalate, AlertStatus.Open) => (AlertStatus.Escalated, AlertRefusal.None),

        // Leaving the zone (or re-routing) and the end close what is not closed; a closed alert is left alone.
        (AlertAction.Leave or AlertAction.End, AlertStatus.Closed) => (from, AlertRefusal.NotFromState),
        (AlertAction.Leave or AlertAction.End, _) => (AlertStatus.Closed, AlertRefusal.None),

        _ => (from, AlertRefusal.NotFromState),
    };

    public static TheoryData<AlertStatus, AlertAction, bool> Cases()
    {
        var data = new TheoryData<AlertStatus, AlertAction, bool>();
        foreach (var status in Enum.GetValues<AlertStatus>())
        {
            foreach (var e in Enum.GetValues<AlertAction>())
            {
                data.Add(status, e, false);
                data.Add(status, e, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_EveryStatusAndEvent_MatchesTheOracle(AlertStatus from, AlertAction e, bool acknowledged)
    {
        var (to, refusal) = Oracle(from, e, acknowledged);

        var decision = AlertWorkflow.Decide(from, e, acknowledged);

        decision.Refusal.ShouldBe(refusal);
        decision.To.ShouldBe(to);
        decision.IsAllowed.ShouldBe(refusal == AlertRefusal.None);
    }

    [Fact]
    public void Reopens_OnlyAClosedAlertThatIsEnteredAgain()
    {
        var reopening = Enum.GetValues<AlertStatus>().SelectMany(s => Enum.GetValues<AlertAction>().Select(e => (s, e)))
            .Where(p => AlertWorkflow.Reopens(p.s, p.e));

        reopening.ShouldBe([(AlertStatus.Closed, AlertAction.Enter)]);
    }

    [Fact]
    public void Table_NoEventHasTwoRulesFromOneStatus()
    {
        var pairs = AlertWorkflow.Table.SelectMany(r => r.From.Select(f => (r.Action, f)))
            .Concat(AlertWorkflow.Refusals.SelectMany(r => r.From.Select(f => (r.Action, f)))).ToList();

        pairs.Distinct().Count().ShouldBe(pairs.Count);
    }

    [Fact]
    public void AReceivedAlert_IsOpen_AndOnScreenUntilClosed()
    {
        AlertWorkflow.Received.ShouldBe(AlertStatus.Open);
        Enum.GetValues<AlertStatus>().Where(AlertWorkflow.IsOnScreen)
            .ShouldBe([AlertStatus.Open, AlertStatus.Acknowledged, AlertStatus.Escalated], ignoreOrder: true);
    }

    [Theory]
    [InlineData(AlertStatus.Open, "open")]
    [InlineData(AlertStatus.Acknowledged, "acknowledged")]
    [InlineData(AlertStatus.Escalated, "escalated")]
    [InlineData(AlertStatus.Closed, "closed")]
    public void Name_IsTheNameOnTheApi(AlertStatus status, string name) => AlertWorkflow.Name(status).ShouldBe(name);

    [Theory]
    [InlineData(AlertStatus.Open, 0)]
    [InlineData(AlertStatus.Acknowledged, 1)]
    [InlineData(AlertStatus.Escalated, 2)]
    [InlineData(AlertStatus.Closed, 3)]
    public void Status_KeepsTheNumberItIsStoredAs(AlertStatus status, int stored) => ((int)status).ShouldBe(stored);
}

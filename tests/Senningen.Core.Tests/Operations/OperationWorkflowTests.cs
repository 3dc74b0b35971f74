using Senningen.Core.Operations;

namespace Senningen.Core.Tests.Operations;

/// <summary>
/// Every event from every state against an oracle written out by hand from what the home node did before the table
/// existed (positions refused once ended, a second end refused, the report only after the end and kept with it).
/// </summary>
public sealed class OperationWorkflowTests
{
    private static (OperationState To, OperationRefusal Refusal) Oracle(OperationState from, OperationAction e)
    {
        var running = from is OperationState.Started or OperationState.Abroad;
        return e switch
        {
            OperationAction.RecordPositions => running ? (from, OperationRefusal.None) : (from, OperationRefusal.Ended),
            OperationAction.CrossAbroad => running ? (OperationState.Abroad, OperationRefusal.None) : (from, OperationRefusal.NotFromState),
            OperationAction.CrossHome => running ? (OperationState.Started, OperationRefusal.None) : (from, OperationRefusal.NotFromState),
            OperationAction.End => running ? (OperationState.Ended, OperationRefusal.None) : (from, OperationRefusal.Ended),
            OperationAction.KeepReport => from == OperationState.Ended ? (OperationState.Reported, OperationRefusal.None) : (from, OperationRefusal.NotFromState),
            OperationAction.ReadReport => from == OperationState.Reported ? (from, OperationRefusal.None) : (from, OperationRefusal.NotEnded),
            _ => throw new ArgumentOutOfRangeException(nameof(e)),
        };
    }

    public static TheoryData<OperationState, OperationAction> Cases()
    {
        var data = new TheoryData<OperationState, OperationAction>();
        foreach (var state in Enum.GetValues<OperationState>())
        {
            foreach (var e in Enum.GetValues<OperationAction>())
            {
                data.Add(state, e);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_EveryStateAndEvent_MatchesTheOracle(OperationState from, OperationAction e)
    {
        var (to, refusal) = Oracle(from, e);

        var decision = OperationWorkflow.Decide(from, e);

        decision.Refusal.ShouldBe(refusal);
        decision.To.ShouldBe(to);
        decision.IsAllowed.ShouldBe(refusal == OperationRefusal.None);
    }

    [Theory]
    [InlineData(OperationStatus.Active, false, false, OperationState.Started)]
    [InlineData(OperationStatus.Active, false, true, OperationState.Abroad)]
    [InlineData(OperationStatus.Ended, false, false, OperationState.Ended)]
    [InlineData(OperationStatus.Ended, false, true, OperationState.Ended)]
    [InlineData(OperationStatus.Ended, true, false, OperationState.Reported)]
    [InlineData(OperationStatus.Ended, true, true, OperationState.Reported)]
    public void StateOf_ReadsTheStateFromWhatIsStored(OperationStatus status, bool reportKept, bool abroad, OperationState state) =>
        OperationWorkflow.StateOf(status, reportKept, abroad).ShouldBe(state);

    [Fact]
    public void StatusOf_EveryState_RoundTripsThroughStateOf()
    {
        foreach (var state in Enum.GetValues<OperationState>())
        {
            var status = OperationWorkflow.StatusOf(state);
            OperationWorkflow.StateOf(status, state == OperationState.Reported, state == OperationState.Abroad).ShouldBe(state);
        }
    }

    [Fact]
    public void Initial_IsStarted_AndStoredAsActive()
    {
        OperationWorkflow.Initial.ShouldBe(OperationState.Started);
        OperationWorkflow.StatusOf(OperationWorkflow.Initial).ShouldBe(OperationStatus.Active);
    }

    [Theory]
    [InlineData(true, OperationAction.CrossAbroad)]
    [InlineData(false, OperationAction.CrossHome)]
    public void Crossing_IsNamedByWhereTheUnitsAreAfterIt(bool abroad, OperationAction e) => OperationWorkflow.Crossing(abroad).ShouldBe(e);

    [Fact]
    public void Table_NoEventHasTwoRulesFromOneState()
    {
        var pairs = OperationWorkflow.Table.SelectMany(r => r.From.Select(f => (r.Action, f)))
            .Concat(OperationWorkflow.Refusals.SelectMany(r => r.From.Select(f => (r.Action, f)))).ToList();

        pairs.Distinct().Count().ShouldBe(pairs.Count);
    }

    [Theory]
    [InlineData(OperationStatus.Active, 0)]
    [InlineData(OperationStatus.Ended, 1)]
    public void Status_KeepsTheNumberItIsStoredAs(OperationStatus status, int stored) => ((int)status).ShouldBe(stored);
}

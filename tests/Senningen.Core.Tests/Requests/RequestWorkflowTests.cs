using Senningen.Core.Requests;

namespace Senningen.Core.Tests.Requests;

/// <summary>
/// Every user action from every state, for either side and each role, against an oracle written out by hand from the
/// issue (draft → submitted → received → accepted / refused / more information → in execution → done → archived;
/// withdrawal): what is not listed here must be refused, and for the right reason.
/// </summary>
public sealed class RequestWorkflowTests
{
    private const string Officer = RequestWorkflow.Officer;
    private const string ControlRoom = RequestWorkflow.ControlRoom;
    private const string Liaison = RequestWorkflow.LiaisonOfficer;
    private const string Node = RequestWorkflow.NodeRole;

    // action: from-states -> to (null = unchanged), side, roles
    private static readonly (RequestAction Action, string From, string? To, RequestSide? Side, string[] Roles, bool Reason)[] Oracle =
    [
        (RequestAction.Submit, "draft", "submitted", RequestSide.Requesting, [Officer, ControlRoom, Liaison], false),
        (RequestAction.Receive, "submitted", "received", RequestSide.Requested, [Node], false),
        (RequestAction.Acknowledge, "submitted received", null, RequestSide.Requested, [ControlRoom, Liaison], false),
        (RequestAction.AskInformation, "received", "more-information", RequestSide.Requested, [ControlRoom, Liaison], true),
        (RequestAction.SupplyInformation, "more-information", "received", RequestSide.Requesting, [Officer, ControlRoom, Liaison], true),
        (RequestAction.Accept, "received", "accepted", RequestSide.Requested, [ControlRoom, Liaison], false),
        (RequestAction.Refuse, "received more-information", "refused", RequestSide.Requested, [ControlRoom, Liaison, Node], true),
        (RequestAction.StartExecution, "accepted", "in-execution", RequestSide.Requested, [ControlRoom, Liaison], false),
        (RequestAction.Complete, "in-execution", "done", RequestSide.Requested, [ControlRoom, Liaison], false),
        (RequestAction.Archive, "done refused withdrawn", "archived", RequestSide.Requesting, [Officer, ControlRoom, Liaison], false),
        (RequestAction.Withdraw, "draft submitted received more-information accepted", "withdrawn", RequestSide.Requesting, [Officer, ControlRoom, Liaison], true),
        (RequestAction.DeclareDelay, "received more-information accepted in-execution", null, RequestSide.Requested, [ControlRoom, Liaison], true),
        (RequestAction.Remind, "submitted received more-information accepted in-execution", null, null, [Node], false),
        (RequestAction.Escalate, "submitted received more-information accepted in-execution", null, null, [Node], false),
        (RequestAction.PassOn, "done archived", null, RequestSide.Requesting, [Officer, ControlRoom, Liaison], true),
    ];

    public static TheoryData<RequestState, RequestAction, RequestSide, string> Cases()
    {
        var data = new TheoryData<RequestState, RequestAction, RequestSide, string>();
        foreach (var state in Enum.GetValues<RequestState>())
        {
            foreach (var action in Enum.GetValues<RequestAction>())
            {
                foreach (var side in Enum.GetValues<RequestSide>())
                {
                    foreach (var role in (string[])[Officer, ControlRoom, Liaison, Node, "DataProtectionOfficer"])
                    {
                        data.Add(state, action, side, role);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_EveryStateActionSideAndRole_MatchesTheOracle(RequestState state, RequestAction action, RequestSide side, string role)
    {
        var row = Oracle.Single(o => o.Action == action);
        var name = RequestNames.Of(state);
        var expected = !row.From.Split(' ').Contains(name) ? TransitionOutcome.NotFromState
            : row.Side is { } needed && needed != side ? TransitionOutcome.WrongSide
            : !row.Roles.Contains(role) ? TransitionOutcome.WrongRole
            : TransitionOutcome.Allowed;

        var decision = RequestWorkflow.Decide(state, action, side, [role], hasReason: true);

        decision.Outcome.ShouldBe(expected);
        if (expected == TransitionOutcome.Allowed)
        {
            RequestNames.Of(decision.To).ShouldBe(row.To ?? name);
        }
    }

    [Theory]
    [InlineData(RequestAction.Refuse, RequestState.Received, RequestSide.Requested)]
    [InlineData(RequestAction.AskInformation, RequestState.Received, RequestSide.Requested)]
    [InlineData(RequestAction.SupplyInformation, RequestState.MoreInformation, RequestSide.Requesting)]
    [InlineData(RequestAction.Withdraw, RequestState.Accepted, RequestSide.Requesting)]
    [InlineData(RequestAction.DeclareDelay, RequestState.InExecution, RequestSide.Requested)]
    public void Decide_ActionThatNeedsAReason_WithoutOne_IsRefusedForTheReason(RequestAction action, RequestState state, RequestSide side) =>
        RequestWorkflow.Decide(state, action, side, [Liaison], hasReason: false).Outcome.ShouldBe(TransitionOutcome.ReasonRequired);

    [Fact]
    public void Decide_AcceptWithoutAReason_IsAllowed() =>
        RequestWorkflow.Decide(RequestState.Received, RequestAction.Accept, RequestSide.Requested, [ControlRoom], hasReason: false).IsAllowed.ShouldBeTrue();

    [Fact]
    public void Table_HasOneRowPerAction() =>
        RequestWorkflow.Table.Select(r => r.Action).Order().ShouldBe(Enum.GetValues<RequestAction>().Order());

    [Fact]
    public void ClosedStates_AreExactlyThoseWithNoWayForwardButArchiving()
    {
        var closed = Enum.GetValues<RequestState>().Where(RequestWorkflow.IsClosed).Select(RequestNames.Of);
        closed.ShouldBe(["refused", "done", "archived", "withdrawn"], ignoreOrder: true);
    }

    [Theory]
    [InlineData(RequestState.MoreInformation, "more-information")]
    [InlineData(RequestState.InExecution, "in-execution")]
    public void Names_AreKebabCase_AndRoundTrip(RequestState state, string name)
    {
        RequestNames.Of(state).ShouldBe(name);
        RequestNames.TryParse<RequestState>(name, out var back).ShouldBeTrue();
        back.ShouldBe(state);
        RequestNames.TryParse<RequestState>("In-Execution", out _).ShouldBeFalse();
    }
}

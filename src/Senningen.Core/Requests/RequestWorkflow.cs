using System.Collections.Frozen;

namespace Senningen.Core.Requests;

/// <summary>Why the workflow refused an action; each maps to one HTTP status in the node.</summary>
public enum TransitionOutcome
{
    Allowed,

    /// <summary>The action does not exist from the current state (409).</summary>
    NotFromState,

    /// <summary>The action belongs to the other node (403).</summary>
    WrongSide,

    /// <summary>The user's roles do not include one the action needs (403).</summary>
    WrongRole,

    /// <summary>The action needs a reason and none was given (400).</summary>
    ReasonRequired,
}

/// <summary>The answer of <see cref="RequestWorkflow.Decide"/>: the outcome and, when allowed, the state after the action.</summary>
public readonly record struct TransitionDecision(TransitionOutcome Outcome, RequestState To)
{
    public bool IsAllowed => Outcome == TransitionOutcome.Allowed;
}

/// <summary>One row of the workflow: from which states, by which side and roles, to which state, and whether a reason is due.</summary>
/// <remarks>To: The state after the action; null when the action leaves the state as it is (a delay, a reminder).</remarks>
/// <remarks>Side: The side that may act; null for the node's own actions on either side.</remarks>
public sealed record TransitionRule(RequestAction Action, IReadOnlyList<RequestState> From, RequestState? To, RequestSide? Side,
    IReadOnlyList<string> Roles, bool ReasonRequired);

/// <summary>
/// The request workflow as a table (draft → submitted → received → accepted / refused / more information →
/// in execution → done → archived; withdrawal). Endpoints, message handlers and workers ask it; none assigns a state.
/// </summary>
public static class RequestWorkflow
{
    /// <summary>The role names of <c>Senningen.Contracts.Users.Roles</c>, plus the node itself for what nobody clicks.</summary>
    public const string Officer = "Officer";
    public const string ControlRoom = "ControlRoom";
    public const string LiaisonOfficer = "LiaisonOfficer";
    public const string NodeRole = "node";

    private static readonly string[] Anyone = [Officer, ControlRoom, LiaisonOfficer];

    // Deciding on a partner's request is for the desk and the control room, not for an officer in the field.
    private static readonly string[] Desk = [ControlRoom, LiaisonOfficer];

    private static readonly string[] Node = [NodeRole];

    // The requested node itself refuses what its own reading of the treaty does not allow.
    private static readonly string[] DeskOrNode = [ControlRoom, LiaisonOfficer, NodeRole];

    private static readonly RequestState[] Open =
        [RequestState.Submitted, RequestState.Received, RequestState.MoreInformation, RequestState.Accepted, RequestState.InExecution];

    public static IReadOnlyList<TransitionRule> Table { get; } =
    [
        new(RequestAction.Submit, [RequestState.Draft], RequestState.Submitted, RequestSide.Requesting, Anyone, false),
        new(RequestAction.Receive, [RequestState.Submitted], RequestState.Received, RequestSide.Requested, Node, false),
        new(RequestAction.Acknowledge, [RequestState.Submitted, RequestState.Received], null, RequestSide.Requested, Desk, false),
        new(RequestAction.AskInformation, [RequestState.Received], RequestState.MoreInformation, RequestSide.Requested, Desk, true),
        new(RequestAction.SupplyInformation, [RequestState.MoreInformation], RequestState.Received, RequestSide.Requesting, Anyone, true),
        new(RequestAction.Accept, [RequestState.Received], RequestState.Accepted, RequestSide.Requested, Desk, false),
        new(RequestAction.Refuse, [RequestState.Received, RequestState.MoreInformation], RequestState.Refused, RequestSide.Requested, DeskOrNode, true),
        new(RequestAction.StartExecution, [RequestState.Accepted], RequestState.InExecution, RequestSide.Requested, Desk, false),
        new(RequestAction.Complete, [RequestState.InExecution], RequestState.Done, RequestSide.Requested, Desk, false),
        new(RequestAction.Archive, [RequestState.Done, RequestState.Refused, RequestState.Withdrawn], RequestState.Archived, RequestSide.Requesting,
            Anyone, false),
        new(RequestAction.Withdraw, [RequestState.Draft, .. Open[..4]], RequestState.Withdrawn, RequestSide.Requesting, Anyone, true),
        new(RequestAction.DeclareDelay, [.. Open[1..]], null, RequestSide.Requested, Desk, true),
        new(RequestAction.Remind, Open, null, null, Node, false),
        new(RequestAction.Escalate, Open, null, null, Node, false),
        new(RequestAction.PassOn, [RequestState.Done, RequestState.Archived], null, RequestSide.Requesting, Anyone, true),
    ];

    private static readonly FrozenDictionary<RequestAction, TransitionRule> ByAction = Table.ToFrozenDictionary(r => r.Action);

    public static TransitionRule RuleFor(RequestAction action) => ByAction[action];

    /// <summary>
    /// May <paramref name="roles"/> on <paramref name="side"/> do <paramref name="action"/> to a request in <paramref name="state"/>?
    /// The state is checked first: an action that cannot happen now is a conflict whoever asks.
    /// </summary>
    public static TransitionDecision Decide(RequestState state, RequestAction action, RequestSide side, IReadOnlyCollection<string> roles,
        bool hasReason)
    {
        var rule = ByAction[action];
        if (!rule.From.Contains(state))
        {
            return new TransitionDecision(TransitionOutcome.NotFromState, state);
        }

        if (rule.Side is { } needed && needed != side)
        {
            return new TransitionDecision(TransitionOutcome.WrongSide, state);
        }

        if (!rule.Roles.Any(roles.Contains))
        {
            return new TransitionDecision(TransitionOutcome.WrongRole, state);
        }

        if (rule.ReasonRequired && !hasReason)
        {
            return new TransitionDecision(TransitionOutcome.ReasonRequired, state);
        }

        return new TransitionDecision(TransitionOutcome.Allowed, rule.To ?? state);
    }

    /// <summary>States in which nothing more happens but archiving (or nothing at all).</summary>
    public static bool IsClosed(RequestState state) =>
        state is RequestState.Refused or RequestState.Done or RequestState.Archived or RequestState.Withdrawn;
}

using Microsoft.EntityFrameworkCore;
using Senningen.Core.Requests;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Requests.Data;
using Senningen.Node.Features.Requests.Workflow;

namespace Senningen.Node.Features.Requests.Messages;

/// <summary>
/// Either side of <c>request.transition</c>: the partner's step joins this node's timeline, under the same id, if this
/// node's own workflow allows the partner's side to take it now and it leads to the same state. A step from a node
/// that is not the request's partner, or one the workflow refuses, is audited and not applied.
/// </summary>
internal sealed class TransitionHandler(RequestSteps steps, AuditLog audit, NodeSettings settings) : IMessageHandler<TransitionPayload>
{
    public async Task HandleAsync(InboxMessage message, TransitionPayload p, SenningenDbContext db, CancellationToken cancellationToken)
    {
        var node = Actor.Node(settings);
        if (await db.RequestEvents.AnyAsync(e => e.Id == p.EventId, cancellationToken))
        {
            return;
        }

        var request = await db.Requests.FirstOrDefaultAsync(r => r.Id == p.RequestId, cancellationToken);
        var refusal = request is null || RequestSteps.Partner(request) != message.Sender ? "not a request shared with the sender"
            : !RequestNames.TryParse<RequestAction>(p.Action, out var action) || !RequestNames.TryParse<RequestState>(p.ToState, out var to) ? "unknown action or state"
            : Check(request.State, request.Side, action, to);
        if (refusal is not null)
        {
            audit.Add(new AuditRecord(AuditActions.RequestStepReceived, AuditOutcomes.Denied, [$"request:{p.RequestId}", $"message:{message.Id}"],
                CaseReference: request?.CaseReference, Detail: $"{p.Action} to {p.ToState} from {message.Sender}: {refusal}"), node);
            return;
        }

        var applied = RequestNames.Parse<RequestAction>(p.Action);
        var state = RequestNames.Parse<RequestState>(p.ToState);
        steps.Apply(request!, p.EventId, new StepDecision(applied, state, p.Reason, p.ExpectedBy), p.Actor, p.Country, p.At);
        // The answer's codes as the partner signed them (checked on receipt): what may be done with the answer here follows from them.
        if (applied == RequestAction.Complete && message.Handling is not null)
        {
            (request!.Handling, request.HandlingConditions) = (message.Handling, message.HandlingConditions);
        }

        audit.Add(new AuditRecord(AuditActions.RequestStepReceived, AuditOutcomes.Success, [$"request:{request!.Id}", $"message:{message.Id}"],
            CaseReference: request.CaseReference, Detail: $"{request.Reference}: {p.Action} by {p.Actor} ({p.Country}) -> {p.ToState}"), node);
        steps.RaiseAfterCommit(request.Id);
    }

    // The partner acts as the other side; the node's own steps (remind, escalate) are the partner node's.
    private static string? Check(RequestState state, RequestSide mine, RequestAction action, RequestState to)
    {
        var current = RequestNames.Of(state);
        var theirs = mine == RequestSide.Requesting ? RequestSide.Requested : RequestSide.Requesting;
        var rule = RequestWorkflow.RuleFor(action);
        var decision = RequestWorkflow.Decide(state, action, theirs, rule.Roles, hasReason: true);
        return !decision.IsAllowed ? $"not allowed from {current} ({decision.Outcome})"
            : decision.To != to ? $"leads to {RequestNames.Of(decision.To)}, not {RequestNames.Of(to)}"
            : null;
    }
}

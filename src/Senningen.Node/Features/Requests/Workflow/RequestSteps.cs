using Senningen.Core.Countries;
using Senningen.Core.Exchange;
using Senningen.Core.Requests;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Persistence.Converters;
using Senningen.Node.Features.Requests.Data;
using Senningen.Node.Features.Requests.Messages;

namespace Senningen.Node.Features.Requests.Workflow;

/// <summary>One step as the workflow decided it: the action, the state it leads to, and the reason or new date it carries.</summary>
/// <remarks>RefusalGround and JudicialAuthorisation: the art. 18 facts a desk gives with refuse and declare-delay; they stay on this node.
/// Handling: the codes a desk put on its answer (complete); they travel signed with the step's message.</remarks>
internal sealed record StepDecision(RequestAction Action, RequestState To, string? Reason = null, DateTimeOffset? ExpectedBy = null,
    string? RefusalGround = null, bool JudicialAuthorisation = false, HandlingMarking? Handling = null);

/// <summary>
/// Records one step of a request on this node, in the caller's unit of work: the new state (as the workflow gave it),
/// the timeline entry, the audit entry, and, for a step taken here, the message that tells the partner node.
/// </summary>
internal sealed class RequestSteps(SenningenDbContext db, Outbox outbox, AuditLog audit, RequestCatalogue catalogue, NodeSettings node, ChangeFeed<RequestChanged> feed)
{
    public async Task<RequestEvent> RecordAsync(CooperationRequest request, StepDecision decision, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var step = Apply(request, Guid.CreateVersion7(now), decision, actor.Name, node.Country.Value, now);
        audit.Add(new AuditRecord(AuditActions.RequestStep, AuditOutcomes.Success, [$"request:{request.Id}"], CaseReference: request.CaseReference,
            Recipient: Partner(request).Value, Detail: $"{request.Reference} {request.Type}: {step.Action} {step.FromState} -> {step.ToState}"), actor);
        // A draft's withdrawal never left the node: the partner has nothing to hear about.
        // The answer's codes are kept here as they are sent, so both sides show and enforce the same ones.
        var handling = decision.Handling ?? MessageDefaults.Find(TransitionPayload.Type)?.Handling;
        if (decision.Action == RequestAction.Complete && handling is { } marking)
        {
            (request.Handling, request.HandlingConditions) = (marking.Text, marking.Conditions);
        }

        if (request.SubmittedAt is not null)
        {
            await outbox.EnqueueAsync(Partner(request), TransitionPayload.Type, 1, ToPayload(step, decision.ExpectedBy), request.ConversationId,
                request.CaseReference, actor: actor, marks: new MessageMarks(handling, MessageDefaults.ForUrgency(request.Urgency)), cancellationToken: ct);
        }

        RaiseAfterCommit(request.Id);
        return step;
    }

    /// <summary>Changes the request as the step says and adds the step to its timeline; shared with the partner's steps as they arrive.</summary>
    public RequestEvent Apply(CooperationRequest request, Guid eventId, StepDecision decision, string actor, string country, DateTimeOffset at)
    {
        var (action, to, reason, expectedBy, _, _, _) = decision;
        var from = request.State;
        at = UnixMillisecondsConverter.Truncate(at);
        request.State = to;
        var stop = catalogue.FindType(request.Type)?.ClockStop ?? ClockStop.Decision;
        request.ClockRunning = RequestDeadlines.IsRunning(to, stop);
        switch (action)
        {
            case RequestAction.Acknowledge:
                request.AcknowledgedAt = at;
                request.AcknowledgedBy = actor;
                break;
            case RequestAction.DeclareDelay:
                request.DelayReason = reason;
                request.ExpectedBy = expectedBy is { } by ? UnixMillisecondsConverter.Truncate(by) : null;
                request.JudicialAuthorisation |= decision.JudicialAuthorisation;
                break;
            case RequestAction.Refuse:
                request.RefusalGround = decision.RefusalGround;
                break;
            case RequestAction.Remind:
                request.RemindedAt = at;
                break;
            case RequestAction.Escalate:
                request.EscalatedAt = at;
                break;
        }

        request.UpdatedAt = at;
        request.Version++;
        var step = new RequestEvent
        {
            Id = eventId, RequestId = request.Id, At = at, Action = RequestNames.Of(action), FromState = RequestNames.Of(from), ToState = RequestNames.Of(to),
            Actor = actor, Country = country, Reason = reason,
        };
        db.RequestEvents.Add(step);
        return step;
    }

    public static CountryCode Partner(CooperationRequest request) =>
        request.Side == RequestSide.Requesting ? request.RequestedCountry : request.RequestingCountry;

    public static TransitionPayload ToPayload(RequestEvent step, DateTimeOffset? expectedBy) =>
        new(step.RequestId, step.Id, step.Action, step.FromState, step.ToState, step.At, step.Actor, step.Country, step.Reason, expectedBy);

    public void RaiseAfterCommit(Guid requestId) => db.AfterCommit(() => feed.Publish(new RequestChanged(requestId)));
}

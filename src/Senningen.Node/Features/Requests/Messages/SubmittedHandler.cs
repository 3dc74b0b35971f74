using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Core.Requests;
using Senningen.Core.Treaty;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Persistence.Converters;
using Senningen.Node.Features.Requests.Data;
using Senningen.Node.Features.Requests.Drafting;
using Senningen.Node.Features.Requests.Workflow;

namespace Senningen.Node.Features.Requests.Messages;

/// <summary>
/// Requested side of <c>request.submitted</c>: the request is kept as the partner sent it, marked received by the node
/// (which tells the partner), and a crisis request pages the national desk. A type this node does not know, or a
/// request naming another recipient country, is refused (audited, nothing kept); a type this node's own reading of the
/// treaty does not allow for the pair is kept and refused at once naming the rule; a redelivery changes nothing.
/// </summary>
internal sealed class SubmittedHandler(RequestSteps steps, AuditLog audit, RequestCatalogue catalogue, TreatyCatalogue treaty, NodeSettings settings)
    : IMessageHandler<SubmittedPayload>
{
    public async Task HandleAsync(InboxMessage message, SubmittedPayload p, SenningenDbContext db, CancellationToken cancellationToken)
    {
        var node = Actor.Node(settings);
        if (await db.Requests.AnyAsync(r => r.Id == p.RequestId, cancellationToken))
        {
            return;
        }

        if (catalogue.FindType(p.Type) is null || catalogue.FindAuthority(p.Recipient)?.Country != settings.Country)
        {
            audit.Add(new AuditRecord(AuditActions.RequestStepReceived, AuditOutcomes.Denied, [$"request:{p.RequestId}", $"message:{message.Id}"],
                CaseReference: p.CaseReference, Detail: $"request {p.Reference} of unknown type {p.Type} or for another country's {p.Recipient}"), node);
            return;
        }

        if (!RequestNames.TryParse<Urgency>(p.Urgency, out var urgency))
        {
            // The node keeps only urgencies its own workflow knows: its deadlines could not be counted.
            audit.Add(new AuditRecord(AuditActions.RequestStepReceived, AuditOutcomes.Denied, [$"request:{p.RequestId}", $"message:{message.Id}"],
                CaseReference: p.CaseReference, Detail: $"request {p.Reference} of unknown urgency {p.Urgency}"), node);
            return;
        }

        var request = new CooperationRequest
        {
            Id = p.RequestId, Reference = p.Reference, Type = p.Type, Side = RequestSide.Requested, RequestingCountry = message.Sender,
            RequestedCountry = settings.Country, State = RequestState.Submitted, Urgency = urgency, CaseReference = p.CaseReference,
            Region = p.Region, Recipient = p.Recipient, SpocCopy = p.SpocCopy, LiaisonOfficerId = p.LiaisonOfficerId, Fields = JsonSerializer.Serialize(p.Fields),
            CreatedBy = p.CreatedBy, CreatedAt = Stored(p.CreatedAt), SubmittedAt = Stored(p.SubmittedAt), AnswerBy = Stored(p.AnswerBy),
            RemindAt = Stored(p.RemindAt), AcknowledgeBy = p.AcknowledgeBy is { } by ? Stored(by) : null, ClockRunning = true,
            ConversationId = message.ConversationId, UpdatedAt = Stored(p.SubmittedAt),
        };
        db.Requests.Add(request);
        foreach (var step in p.Timeline)
        {
            db.RequestEvents.Add(new RequestEvent
            {
                Id = step.EventId, RequestId = request.Id, At = Stored(step.At), Action = step.Action, FromState = step.FromState,
                ToState = step.ToState, Actor = step.Actor, Country = step.Country, Reason = step.Reason,
            });
        }

        foreach (var a in p.Attachments)
        {
            var content = Convert.FromBase64String(a.ContentBase64);
            db.RequestAttachments.Add(new RequestAttachment
            {
                Id = a.Id, RequestId = request.Id, FileName = a.FileName, ContentType = a.ContentType, Size = content.Length, Content = content,
            });
        }

        audit.Add(new AuditRecord(AuditActions.RequestStepReceived, AuditOutcomes.Success, [$"request:{request.Id}", $"message:{message.Id}"],
            CaseReference: request.CaseReference, Recipient: request.Recipient,
            Detail: $"{request.Reference} {request.Type} ({p.Urgency}) from {message.Sender} for {request.Recipient}" +
                (request.SpocCopy is null ? "" : $", copy to {request.SpocCopy}")), node);
        if (request.Urgency == Urgency.Crisis)
        {
            audit.Add(new AuditRecord(AuditActions.RequestPaged, AuditOutcomes.Success, [$"request:{request.Id}"], CaseReference: request.CaseReference,
                Recipient: "national-desk", Detail: $"crisis request {request.Reference} from {message.Sender}: acknowledge by {p.AcknowledgeBy:O}"), node);
        }

        // Received when it arrived; never before it was sent, should the two clocks disagree.
        var receivedAt = message.ReceivedAt > request.SubmittedAt!.Value ? message.ReceivedAt : request.SubmittedAt.Value;
        await steps.RecordAsync(request, new StepDecision(RequestAction.Receive, RequestState.Received), node, receivedAt, cancellationToken);

        // This node reads the treaty for itself: what its catalogue does not allow is refused at once, naming the rule.
        var refusal = DraftRules.TreatyRefusal(catalogue.FindType(p.Type)!, message.Sender, settings.Country, treaty,
            DateOnly.FromDateTime(receivedAt.UtcDateTime));
        if (refusal is not null
            && RequestWorkflow.Decide(RequestState.Received, RequestAction.Refuse, RequestSide.Requested, [RequestWorkflow.NodeRole], true) is { IsAllowed: true } refuse)
        {
            // A millisecond after the receipt, so that every timeline (ordered by time) shows it after the receipt.
            await steps.RecordAsync(request, new StepDecision(RequestAction.Refuse, refuse.To, refusal), node, receivedAt.AddMilliseconds(1), cancellationToken);
        }
    }

    // Instants as the columns keep them: whole milliseconds.
    private static DateTimeOffset Stored(DateTimeOffset instant) => UnixMillisecondsConverter.Truncate(instant);
}

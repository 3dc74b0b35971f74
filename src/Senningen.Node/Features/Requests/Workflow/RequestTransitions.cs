using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Requests;
using Senningen.Core.Access;
using Senningen.Core.Exchange;
using Senningen.Core.Requests;
using Senningen.Core.Treaty;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Officers;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Persistence.Converters;
using Senningen.Node.Features.Requests.Data;
using Senningen.Node.Features.Requests.Drafting;
using Senningen.Node.Features.Requests.Messages;

namespace Senningen.Node.Features.Requests.Workflow;

/// <summary>What a user's action gave: the request after it, or the status and the rule that stopped it.</summary>
internal sealed record StepOutcome(CooperationRequest? Request, int Status, FieldError? Error);

/// <summary>
/// A user's action on a request: the workflow decides (409 from the wrong state, 403 for the other side or a role
/// that may not, 400 without a due reason); submission is checked against the treaty again and sends the whole
/// request; any other step is recorded and sent to the partner. Nothing changes when the answer is not 200.
/// </summary>
internal sealed class RequestTransitions(SenningenDbContext db, RequestSteps steps, Outbox outbox, AuditLog audit, RequestCatalogue catalogue,
    TreatyCatalogue treaty, NodeSettings node, RequestsSettings settings, CurrentOfficer officer, RequestAccess access, Texts texts, TimeProvider clock)
{
    private static readonly RequestAction[] ByUsers =
    [
        RequestAction.Submit, RequestAction.Acknowledge, RequestAction.AskInformation, RequestAction.SupplyInformation, RequestAction.Accept,
        RequestAction.Refuse, RequestAction.StartExecution, RequestAction.Complete, RequestAction.Archive, RequestAction.Withdraw, RequestAction.DeclareDelay,
    ];

    /// <summary>
    /// The current officer's action on the request. Need to know decides whose request they may act on (another unit's
    /// is not found, whatever the body, after one audited denial); their side and roles then decide what the workflow allows.
    /// </summary>
    public async Task<StepOutcome> ApplyAsync(Guid id, TransitionInput? input, CancellationToken ct)
    {
        var request = await db.Requests.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null || !await access.CheckAsync(request, AccessKind.Change, ct))
        {
            return new StepOutcome(null, StatusCodes.Status404NotFound, null);
        }

        if (input is null)
        {
            return Invalid("body", Rules.Required, "rule.body-required");
        }

        if (!RequestNames.TryParse<RequestAction>(input.Action, out var action) || !ByUsers.Contains(action))
        {
            return Invalid("action", Rules.OneOf, "rule.one-of", string.Join(", ", ByUsers.Select(RequestNames.Of)));
        }

        var reason = RequestText.Blank(input.Reason);
        if (reason is { Length: > 2000 })
        {
            return Invalid("reason", Rules.MaxLength, "rule.max-length", 2000);
        }

        if (input.RefusalGround is { } ground && (action != RequestAction.Refuse || !Senningen.Core.Statistics.RefusalGrounds.Selectable.Contains(ground)))
        {
            return Invalid("refusalGround", Rules.OneOf, "rule.one-of", string.Join(", ", Senningen.Core.Statistics.RefusalGrounds.Selectable));
        }

        if (input.JudicialAuthorisation && action != RequestAction.DeclareDelay)
        {
            return Invalid("judicialAuthorisation", "declare-delay-only", "request.rule.judicial-with-delay");
        }

        if (input.Handling is not null && action != RequestAction.Complete)
        {
            return Invalid("handling", "complete-only", "request.rule.handling-with-complete");
        }

        var handling = input.Handling is { } h ? HandlingMarking.Parse(h.Code, h.Reliability, h.Accuracy, h.Conditions) : default;
        if (handling is { Field: { } handlingField, Rule: { } handlingRule })
        {
            return Invalid(handlingField, handlingRule, $"handling.rule.{handlingRule}");
        }

        var roles = officer.Principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        var decision = RequestWorkflow.Decide(request.State, action, request.Side, roles, reason is not null);
        var state = RequestNames.Of(request.State);
        var actor = officer.Actor;
        var refused = decision.Outcome switch
        {
            TransitionOutcome.NotFromState => Refusal(StatusCodes.Status409Conflict, "action", "transition-not-allowed", "request.rule.transition-not-allowed", input.Action, state),
            TransitionOutcome.WrongSide => Refusal(StatusCodes.Status403Forbidden, "action", "transition-other-side", "request.rule.transition-other-side", input.Action),
            TransitionOutcome.WrongRole => Refusal(StatusCodes.Status403Forbidden, "action", "transition-role", "request.rule.transition-role", input.Action),
            TransitionOutcome.ReasonRequired => Refusal(StatusCodes.Status400BadRequest, "reason", Rules.Required, "rule.required"),
            _ when action == RequestAction.Acknowledge && request.AcknowledgedAt is not null =>
                Refusal(StatusCodes.Status409Conflict, "action", "already-acknowledged", "request.rule.already-acknowledged", request.AcknowledgedBy),
            _ when action == RequestAction.DeclareDelay && input.ExpectedBy is { } by && request.AnswerBy is { } answerBy
                && by.ToUnixTimeMilliseconds() <= answerBy.ToUnixTimeMilliseconds() =>
                Refusal(StatusCodes.Status400BadRequest, "expectedBy", "after-deadline", "request.rule.after-deadline"),
            _ => null,
        };
        if (refused is not null)
        {
            await audit.WriteAsync(new AuditRecord(AuditActions.RequestStep, refused.Status == 400 ? AuditOutcomes.Failed : AuditOutcomes.Denied,
                [$"request:{id}"], CaseReference: request.CaseReference, Detail: $"{request.Reference} {input.Action} from {state}: {refused.Error!.Rule}"), actor, ct);
            return refused;
        }

        var now = clock.GetUtcNow();
        if (action == RequestAction.Submit)
        {
            if (DraftRules.TreatyRefusal(catalogue.FindType(request.Type)!, node.Country, request.RequestedCountry, treaty,
                    DateOnly.FromDateTime(now.UtcDateTime)) is { } rule)
            {
                await audit.WriteAsync(new AuditRecord(AuditActions.RequestStep, AuditOutcomes.Denied, [$"request:{id}"], CaseReference: request.CaseReference,
                    Detail: $"{request.Reference} submit refused by {rule}"), actor, ct);
                return Refusal(StatusCodes.Status403Forbidden, "type", rule, "request.refused.treaty", request.Type, request.RequestedCountry.Value, rule);
            }

            await SubmitAsync(request, actor, now, ct);
        }
        else
        {
            await steps.RecordAsync(request, new StepDecision(action, decision.To, reason, input.ExpectedBy, input.RefusalGround,
                input.JudicialAuthorisation, handling.Marking), actor, now, ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal(StatusCodes.Status409Conflict, "action", "changed-meanwhile", "request.rule.changed-meanwhile");
        }

        return new StepOutcome(request, StatusCodes.Status200OK, null);
    }

    // The deadlines are fixed here, once, and travel with the request: both nodes count from the same moment.
    private async Task SubmitAsync(CooperationRequest request, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var plan = RequestDeadlines.Plan(request.Urgency, now, settings.CrisisAcknowledgeWithin);
        request.SubmittedAt = UnixMillisecondsConverter.Truncate(now);
        request.AnswerBy = UnixMillisecondsConverter.Truncate(plan.AnswerBy);
        request.RemindAt = UnixMillisecondsConverter.Truncate(plan.RemindAt);
        request.AcknowledgeBy = plan.AcknowledgeBy is { } acknowledgeBy ? UnixMillisecondsConverter.Truncate(acknowledgeBy) : null;
        var step = steps.Apply(request, Guid.CreateVersion7(now), new StepDecision(RequestAction.Submit, RequestState.Submitted), actor.Name,
            node.Country.Value, now);
        var attachments = await db.RequestAttachments.AsNoTracking().Where(a => a.RequestId == request.Id).ToListAsync(ct);
        var payload = new SubmittedPayload(request.Id, request.Reference, request.Type, RequestNames.Of(request.Urgency), request.CaseReference, request.Region,
            request.Recipient, request.SpocCopy, request.LiaisonOfficerId, JsonSerializer.Deserialize<Dictionary<string, string?>>(request.Fields)!,
            request.CreatedBy, request.CreatedAt, now, plan.AnswerBy, plan.RemindAt, plan.AcknowledgeBy,
            [RequestSteps.ToPayload(step, null)],
            [.. attachments.Select(a => new AttachmentPayload(a.Id, a.FileName, a.ContentType, Convert.ToBase64String(a.Content)))]);
        await outbox.EnqueueAsync(request.RequestedCountry, SubmittedPayload.MessageType, 1, payload, request.ConversationId,
            request.CaseReference, actor: actor, marks: new MessageMarks(Priority: MessageDefaults.ForUrgency(request.Urgency)), cancellationToken: ct);
        audit.Add(new AuditRecord(AuditActions.RequestStep, AuditOutcomes.Success, [$"request:{request.Id}"], CaseReference: request.CaseReference,
            Recipient: request.RequestedCountry.Value, Detail: $"{request.Reference} {request.Type} submitted to {request.Recipient}" +
                (request.SpocCopy is null ? "" : $", copy to {request.SpocCopy}") + $"; answer by {plan.AnswerBy:O}"), actor);
        steps.RaiseAfterCommit(request.Id);
    }

    private StepOutcome Invalid(string field, string rule, string key, params object?[] args) =>
        Refusal(StatusCodes.Status400BadRequest, field, rule, key, args);

    private StepOutcome Refusal(int status, string field, string rule, string key, params object?[] args) =>
        new(null, status, new FieldError(field, rule, texts[key, [field, .. args]]));
}

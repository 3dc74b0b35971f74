using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Requests;
using Senningen.Core.Access;
using Senningen.Core.Exchange;
using Senningen.Core.Requests;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Handling;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Officers;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Requests.Data;
using Senningen.Node.Features.Requests.Workflow;

namespace Senningen.Node.Features.Requests.Sharing;

/// <summary>
/// The requesting side passes on information it received for the administrative approach, only to a recipient the
/// request named and only for the purpose it stated (403 naming the rule otherwise, audited, nothing passed on). An
/// allowed disclosure is audited and goes on both timelines, so the country that gave the information sees where it went.
/// The answer's handling code has the last word (<see cref="OnwardUses"/>): an H2 or H3 answer is not passed on here.
/// </summary>
internal sealed class RequestDisclosures(SenningenDbContext db, RequestSteps steps, RequestCatalogue catalogue, RequestAccess access, AuditLog audit,
    CurrentOfficer officer, OnwardUses onwardUses, Texts texts, TimeProvider clock)
{
    /// <summary>Another unit's request is not found whatever the body says (one audited denial); the body is checked after.</summary>
    public async Task<RequestOutcome<DisclosureView>> PassOnAsync(Guid id, PassOnInput? input, CancellationToken ct)
    {
        var request = await db.Requests.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null || !await access.CheckAsync(request, AccessKind.Change, ct))
        {
            return RequestOutcome<DisclosureView>.NotFound();
        }

        if (input is null)
        {
            return RequestOutcome<DisclosureView>.Invalid([new FieldError("body", Rules.Required, texts["rule.body-required"])]);
        }

        var v = new RequestValidator(texts);
        v.Required("recipient", input.Recipient);
        v.Required("recipientName", input.RecipientName);
        v.MaxLength("recipientName", input.RecipientName, 200);
        v.Required("purpose", input.Purpose);
        v.Required("information", input.Information);
        v.MaxLength("information", input.Information, 4000);
        if (v.HasErrors)
        {
            return RequestOutcome<DisclosureView>.Invalid(v.Errors);
        }

        var actor = officer.Actor;
        var type = catalogue.FindType(request.Type)!;
        var fields = JsonSerializer.Deserialize<Dictionary<string, string?>>(request.Fields) ?? [];
        var decision = RequestWorkflow.Decide(request.State, RequestAction.PassOn, request.Side,
            [.. officer.Principal.FindAll(ClaimTypes.Role).Select(c => c.Value)], hasReason: true);
        var refusal = type.Onward is not { } onward ? ("type", "onward-sharing-not-provided", 403)
            : decision.Outcome == TransitionOutcome.NotFromState ? ("state", "not-answered", 409)
            : !decision.IsAllowed ? ("action", "pass-on-requesting-side", 403)
            : !RequestFieldRules.SplitChoices(fields.GetValueOrDefault(onward.RecipientsField)).Contains(input.Recipient!.Trim()) ? ("recipient", "onward-recipient-not-allowed", 403)
            : !string.Equals(fields.GetValueOrDefault(onward.PurposeField), input.Purpose!.Trim(), StringComparison.Ordinal) ? ("purpose", "purpose-limitation", 403)
            : ((string, string, int)?)null;
        if (refusal is var (field, rule, status))
        {
            await audit.WriteAsync(new AuditRecord(AuditActions.RequestDisclosed, AuditOutcomes.Denied, [$"request:{id}"], RequestText.ForAudit(input.Purpose),
                request.CaseReference, RequestText.ForAudit($"{input.Recipient}:{input.RecipientName}"), $"{request.Reference}: refused by {rule}"), actor, ct);
            return RequestOutcome<DisclosureView>.Refused(status, new FieldError(field, rule, texts[$"request.rule.{rule}", field, input.Recipient, input.Purpose]));
        }

        // The request named this recipient and purpose and the owner answered it: its standing consent, which the answer's
        // own codes may still withhold (H2, H3: ask first).
        var recipient = $"{input.Recipient!.Trim()}: {input.RecipientName!.Trim()}";
        var handling = await onwardUses.DecideAsync(new OnwardRequest(HandlingMarking.FromText(request.Handling, request.HandlingConditions),
            OnwardUse.PassOnOutsideLawEnforcement, OnwardConsent.Standing, new AuditRecord(AuditActions.RequestDisclosed, AuditOutcomes.Success, [$"request:{id}"],
                input.Purpose!.Trim(), request.CaseReference, RequestText.ForAudit(recipient), $"{request.Reference}: {input.Information!.Length} characters passed on")), ct);
        if (handling.Rule is { } handlingRule)
        {
            return RequestOutcome<DisclosureView>.Refused(403, new FieldError("handling", handlingRule, texts[$"handling.rule.refused", "handling", request.Handling]));
        }

        var now = clock.GetUtcNow();
        var step = await steps.RecordAsync(request, new StepDecision(RequestAction.PassOn, decision.To, $"{recipient} ({input.Purpose!.Trim()})"), actor, now, ct);
        await db.SaveChangesAsync(ct);
        return RequestOutcome<DisclosureView>.Ok(new DisclosureView(step.Id, input.Recipient.Trim(), input.RecipientName.Trim(), input.Purpose.Trim(), now));
    }
}

/// <summary><c>POST /api/v1/requests/{id}/disclosures</c>: a thin adapter over <see cref="RequestDisclosures"/>.</summary>
internal static class PassOn
{
    public static async Task<Results<Created<DisclosureView>, ProblemHttpResult>> HandleAsync(Guid id, PassOnInput? input, RequestDisclosures disclosures,
        Texts texts, CancellationToken ct)
    {
        var outcome = await disclosures.PassOnAsync(id, input, ct);
        return outcome.Value is { } disclosure ? TypedResults.Created($"/api/v1/requests/{id}", disclosure) : RequestProblems.For(texts, outcome);
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Requests;
using Senningen.Core.Requests;
using Senningen.Core.Treaty;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Officers;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Persistence.Converters;
using Senningen.Node.Features.Requests.Data;
using Senningen.Node.Features.Requests.Reading;

namespace Senningen.Node.Features.Requests.Drafting;

/// <summary>What creating a draft gave: the request, or the broken rules (400), or the rule that refuses it (403).</summary>
internal sealed record DraftOutcome(CooperationRequest? Request, IReadOnlyList<FieldError> Errors, FieldError? Refusal);

/// <summary>Creating a draft, shared by the API and the demo: checked field by field, routed, refused by the treaty before anything is kept.</summary>
internal sealed class RequestDrafts(SenningenDbContext db, AuditLog audit, RequestCatalogue catalogue, TreatyCatalogue treaty, NodeSettings node,
    CurrentOfficer officer, RequestAccess access, Texts texts, TimeProvider clock)
{
    /// <summary>Creates a draft in the current officer's name; one who may change no request (a DPO) is refused, audited.</summary>
    public async Task<DraftOutcome> CreateAsync(CreateRequestInput input, CancellationToken ct)
    {
        var actor = officer.Actor;
        if (!access.MayChangeAny)
        {
            await access.DenyAsync("request:new", ct);
            return new DraftOutcome(null, [], new FieldError("role", "need-to-know", texts["request.refused.need-to-know", "role"]));
        }

        var v = new RequestValidator(texts);
        var draft = DraftRules.Check(input, catalogue, node.Country, [.. node.Partners.Select(p => p.Country)], v);
        if (draft is null)
        {
            return new DraftOutcome(null, v.Errors, null);
        }

        var now = clock.GetUtcNow();
        var refusal = DraftRules.JointUseRefusal(draft, catalogue, node.Country)
            ?? DraftRules.TreatyRefusal(draft.Type, node.Country, draft.Partner, treaty, DateOnly.FromDateTime(now.UtcDateTime));
        if (refusal is not null)
        {
            await audit.WriteAsync(new AuditRecord(AuditActions.RequestCreated, AuditOutcomes.Denied, [], CaseReference: draft.CaseReference,
                Recipient: draft.Partner.Value, Detail: $"{draft.Type.Id} to {draft.Partner}: refused by {refusal}"), actor, ct);
            var field = refusal == "liaison-own-officer" ? "fields.hostCountry" : "type";
            return new DraftOutcome(null, [], new FieldError(field, refusal, texts[$"request.refused.{(field == "type" ? "treaty" : "liaison")}", field, draft.Type.Id, draft.Partner.Value, refusal]));
        }

        var route = catalogue.RouteFor(draft.Partner, draft.Type, draft.Urgency, draft.Region);
        var id = Guid.CreateVersion7(now);
        var request = new CooperationRequest
        {
            Id = id,
            Reference = $"{node.Country.Value}-{now:yyyyMMdd}-{id.ToString("N")[^6..].ToUpperInvariant()}",
            Type = draft.Type.Id,
            Side = RequestSide.Requesting,
            RequestingCountry = node.Country,
            RequestedCountry = draft.Partner,
            State = RequestState.Draft,
            Urgency = draft.Urgency,
            CaseReference = draft.CaseReference,
            Region = draft.Region,
            Recipient = route.Recipient.Id,
            SpocCopy = route.SpocCopy?.Id,
            LiaisonOfficerId = draft.Officer?.Id,
            Fields = JsonSerializer.Serialize(draft.Fields),
            CreatedBy = actor.Name,
            OwnerUnit = actor.Unit,
            CreatedAt = UnixMillisecondsConverter.Truncate(now),
            UpdatedAt = UnixMillisecondsConverter.Truncate(now),
            ConversationId = Guid.CreateVersion7(now),
        };
        db.Requests.Add(request);
        audit.Add(new AuditRecord(AuditActions.RequestCreated, AuditOutcomes.Success, [$"request:{id}"], CaseReference: request.CaseReference,
            Recipient: request.RequestedCountry.Value, Detail: $"{request.Reference} {request.Type} ({RequestNames.Of(request.Urgency)}) to {request.Recipient}"),
            actor);
        await db.SaveChangesAsync(ct);
        return new DraftOutcome(request, [], null);
    }
}

/// <summary><c>POST /api/v1/requests</c>: a draft (201), 400 naming each broken field rule, 403 naming the treaty or joint-use rule; nothing kept on refusal.</summary>
internal static class CreateDraft
{
    public static async Task<Results<Created<RequestView>, ProblemHttpResult>> HandleAsync(CreateRequestInput? input, RequestDrafts drafts,
        RequestReader reader, Texts texts, CancellationToken ct)
    {
        if (input is null)
        {
            return Problems.Validation(texts, new FieldError("body", Rules.Required, texts["rule.body-required"]));
        }

        var outcome = await drafts.CreateAsync(input, ct);
        if (outcome.Request is { } request)
        {
            return TypedResults.Created($"/api/v1/requests/{request.Id}", await reader.ViewAsync(request, Texts.CurrentLanguage, ct));
        }

        return outcome.Refusal is { } refusal ? RequestProblems.Forbidden(texts, refusal) : Problems.Validation(texts, outcome.Errors);
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Consultation;
using Senningen.Contracts.Users;
using Senningen.Core.Consultation;
using Senningen.Core.Countries;
using Senningen.Core.Treaty;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Consultation.Data;
using Senningen.Node.Features.Consultation.Messages;

namespace Senningen.Node.Features.Consultation.Searching;

/// <summary>What starting a search gave: the search, or the broken rules (400), or the catalogue rule that refused it (403).</summary>
internal sealed record StartOutcome(ConsultationSearchView? Search, IReadOnlyList<FieldError> Errors, FieldError? Refusal);

/// <summary>Starting a search, shared by the API and the console page.</summary>
internal sealed class ConsultationSearches(SenningenDbContext db, Outbox outbox, AuditLog audit, TreatyCatalogue catalogue, NodeSettings node,
    ConsultationSettings settings, Texts texts, TimeProvider clock)
{
    /// <param name="authorisations">The user's national authorisations; a context they are not cleared for is refused (403).</param>
    public async Task<StartOutcome> StartAsync(ConsultationSearchRequest? request, Actor actor, IReadOnlySet<string> authorisations, CancellationToken ct)
    {
        var partners = node.Partners.Select(p => p.Country).ToList();
        var v = new RequestValidator(texts);
        if (SearchRules.Check(request, partners, v) is not { } search)
        {
            await audit.WriteAsync(new AuditRecord(AuditActions.ConsultationSearched, AuditOutcomes.Failed, [], RequestText.ForAudit(request?.Purpose),
                RequestText.ForAudit(request?.CaseReference), Detail: $"invalid search: {string.Join(", ", v.Errors.Select(e => $"{e.Field} {e.Rule}"))}"), actor, ct);
            return new StartOutcome(null, v.Errors, null);
        }

        // The treaty leaves who may consult in a joint post or on patrol to each country's own rules; this node checks
        // its own user's clearance before asking the catalogue anything, and nothing leaves the node without it.
        var contextName = ConsultationContexts.NameOf(search.Context);
        if (!authorisations.Contains(Authorisations.ForConsultation(contextName)))
        {
            await audit.WriteAsync(new AuditRecord(AuditActions.ConsultationSearched, AuditOutcomes.Denied, [], search.Purpose, search.CaseReference,
                Detail: $"{search.Criteria}; refused: {SearchRules.NationalAuthorisation} {contextName}"), actor, ct);
            var error = new FieldError("context", SearchRules.NationalAuthorisation,
                texts["consultation.rule.national-authorisation", texts[$"consultation.context.{contextName}"]]);
            return new StartOutcome(null, [error], error);
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var partner in search.Partners ?? [])
        {
            var decision = ConsultationPolicy.Decide(catalogue, search.Context, node.Country, partner, search.DataSet, today);
            if (decision.Refusal is { } rule)
            {
                await audit.WriteAsync(new AuditRecord(AuditActions.ConsultationSearched, AuditOutcomes.Denied, [], search.Purpose, search.CaseReference,
                    partner.Value, $"{search.Criteria}; refused: {rule}"), actor, ct);
                var error = new FieldError("context", rule, texts["consultation.refused", partner.Value, rule]);
                return new StartOutcome(null, [error], error);
            }
        }

        var asked = search.Partners ?? partners;
        var row = new ConsultationSearch
        {
            Id = Guid.CreateVersion7(now), Context = ConsultationContexts.NameOf(search.Context), DataSet = Disclosure.NameOf(search.DataSet),
            Criteria = JsonSerializer.Serialize(new { search.Person, search.Plate, search.DocumentNumber }), Purpose = search.Purpose,
            CaseReference = search.CaseReference, RequestedBy = actor.Name, Partners = string.Join(',', asked.Select(p => p.Value)),
            StartedAtMs = now.ToUnixTimeMilliseconds(), DeadlineMs = (now + settings.PartnerTimeout).ToUnixTimeMilliseconds(),
        };
        db.ConsultationSearches.Add(row);
        var payload = new QueryPayload(row.Id, row.Context, row.DataSet, search.Person, search.Plate, search.DocumentNumber, search.Purpose,
            search.CaseReference, actor.Name);
        foreach (var partner in asked)
        {
            // A conversation per partner: the exchange keeps order within a conversation, and one partner being down
            // must not hold back the query to another.
            await outbox.EnqueueAsync(partner, QueryPayload.Type, 1, payload, null, search.CaseReference, settings.PartnerTimeout, actor, ct);
        }

        audit.Add(new AuditRecord(AuditActions.ConsultationSearched, AuditOutcomes.Success, [$"consultation:{row.Id}"], search.Purpose,
            search.CaseReference, row.Partners, $"{row.Context} {row.DataSet}; {search.Criteria}"), actor);
        await db.SaveChangesAsync(ct);
        await WatchVolumeAsync(actor, now, ct);
        return new StartOutcome(ReadSearch.View(row, [], now), [], null);
    }

    // One alert when a user's searches in the window first pass the threshold, not one per search above it.
    private async Task WatchVolumeAsync(Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var since = (now - settings.AlertWindow).ToUnixTimeMilliseconds();
        var count = await db.ConsultationSearches.CountAsync(s => s.RequestedBy == actor.Name && s.StartedAtMs > since, ct);
        if (count == settings.VolumeAlertSearches + 1)
        {
            await audit.WriteAsync(new AuditRecord(AuditActions.ConsultationVolumeAlert, AuditOutcomes.Success, [$"user:{actor.Name}"],
                Detail: $"{actor.Name} made {count} consultation searches in {settings.AlertWindow}, above the {settings.VolumeAlertSearches} that alert the DPO"),
                Actor.Node(node), ct);
        }
    }

}

/// <summary>
/// <c>POST /api/v1/consultation/searches</c>: checks the request (400 naming field and rule), refuses a named partner
/// the context is not allowed for (403 naming the catalogue rule), then sends the query to every partner asked in one
/// unit of work with the search and its audit entry, and answers 202 with the search to follow. On a refusal nothing
/// leaves the node. The partners' answers arrive as messages (<see cref="AnswerHandler"/>).
/// </summary>
internal static class StartSearch
{
    public static async Task<Results<Accepted<ConsultationSearchView>, ProblemHttpResult>> HandleAsync(ConsultationSearchRequest? request,
        HttpContext http, ConsultationSearches searches, NodeSettings node, Texts texts, CancellationToken ct)
    {
        var outcome = await searches.StartAsync(request, Actor.From(http.User, node), Actor.AuthorisationsOf(http.User), ct);
        if (outcome.Search is { } search)
        {
            return TypedResults.Accepted($"/api/v1/consultation/searches/{search.Id}", search);
        }

        if (outcome.Refusal is not { } refusal)
        {
            return Problems.Validation(texts, outcome.Errors);
        }

        return Problems.Create(texts, StatusCodes.Status403Forbidden, refusal.Rule, refusal.Message,
            new Dictionary<string, object?> { ["rule"] = refusal.Rule, ["errors"] = new[] { refusal } });
    }
}

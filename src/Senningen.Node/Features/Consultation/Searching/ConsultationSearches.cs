using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Consultation;
using Senningen.Contracts.Users;
using Senningen.Core.Access;
using Senningen.Core.Consultation;
using Senningen.Core.Treaty;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Officers;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Persistence.Converters;
using Senningen.Node.Common.Security;
using Senningen.Node.Features.Consultation.Data;
using Senningen.Node.Features.Consultation.Messages;

namespace Senningen.Node.Features.Consultation.Searching;

/// <summary>What starting a search gave: the search, or the broken rules (400), or the catalogue rule that refused it (403).</summary>
internal sealed record StartOutcome(ConsultationSearchView? Search, IReadOnlyList<FieldError> Errors, FieldError? Refusal);

/// <summary>Starting a search and following its answers, shared by the API and the console page, in the current officer's name.</summary>
internal sealed class ConsultationSearches(SenningenDbContext db, Outbox outbox, AuditLog audit, TreatyCatalogue catalogue, NodeSettings node,
    ConsultationSettings settings, CurrentOfficer officer, NeedToKnowGuard guard, Texts texts, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A context the officer's national authorisations do not clear them for is refused (403).</summary>
    public async Task<StartOutcome> StartAsync(ConsultationSearchRequest? request, CancellationToken ct)
    {
        var (actor, authorisations) = (officer.Actor, officer.Authorisations);
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
            Id = Guid.CreateVersion7(now), Context = search.Context, DataSet = search.DataSet,
            Criteria = JsonSerializer.Serialize(new { search.Person, search.Plate, search.DocumentNumber, search.Vin }), Purpose = search.Purpose,
            CaseReference = search.CaseReference, RequestedBy = actor.Name, OwnerUnit = actor.Unit, Partners = asked,
            StartedAt = UnixMillisecondsConverter.Truncate(now), Deadline = UnixMillisecondsConverter.Truncate(now + settings.PartnerTimeout),
        };
        db.ConsultationSearches.Add(row);
        var (dataSetName, partnerCodes) = (Disclosure.NameOf(search.DataSet), string.Join(',', asked.Select(p => p.Value)));
        var payload = new QueryPayload(row.Id, contextName, dataSetName, search.Person, search.Plate, search.DocumentNumber, search.Purpose,
            search.CaseReference, actor.Name, search.Vin);
        foreach (var partner in asked)
        {
            // A conversation per partner: the exchange keeps order within a conversation, and one partner being down
            // must not hold back the query to another.
            await outbox.EnqueueAsync(partner, QueryPayload.Type, 1, payload, null, search.CaseReference, settings.PartnerTimeout, actor, cancellationToken: ct);
        }

        audit.Add(new AuditRecord(AuditActions.ConsultationSearched, AuditOutcomes.Success, [$"consultation:{row.Id}"], search.Purpose,
            search.CaseReference, partnerCodes, $"{contextName} {dataSetName}; {search.Criteria}"), actor);
        await db.SaveChangesAsync(ct);
        await WatchVolumeAsync(actor, now, ct);
        return new StartOutcome(View(row, [], now), [], null);
    }

    /// <summary>
    /// A search of the officer's unit with its answers so far, or null; a search outside the officer's reach (need to know)
    /// is as unknown as one that does not exist, and the attempt is an audited denial. A read that shows records is audited
    /// once with them; before any answer it shows no one's data (the criteria stay with the start's audit entry).
    /// </summary>
    /// <param name="shown">Records the caller has already shown and audited (a page following a search as answers arrive).</param>
    public async Task<ConsultationSearchView?> FindAsync(Guid id, CancellationToken ct, int shown = 0)
    {
        var search = await db.ConsultationSearches.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (search is null
            || !await guard.CheckAsync(Capability.Consultation, AccessKind.Read, Owner.Of(search.OwnerUnit, null), $"consultation:{id}", ct))
        {
            return null;
        }

        var answers = await db.ConsultationAnswers.AsNoTracking().Where(a => a.SearchId == id).ToListAsync(ct);
        var view = View(search, answers, clock.GetUtcNow());
        var records = view.Partners.SelectMany(p => p.Items.Select(i => $"{p.Country}:{i.Reference}")).ToList();
        if (records.Count > shown)
        {
            await audit.WriteAsync(new AuditRecord(AuditActions.ConsultationRead, AuditOutcomes.Success, [$"consultation:{id}", .. records],
                search.Purpose, search.CaseReference, Detail: $"{records.Count} record(s) shown"), cancellationToken: ct);
        }

        return view;
    }

    public static ConsultationSearchView View(ConsultationSearch search, IReadOnlyList<ConsultationAnswerRow> answers, DateTimeOffset now)
    {
        var deadline = search.Deadline;
        var partners = search.Partners.Select(country =>
            answers.FirstOrDefault(a => a.Country == country) is { } a
                ? new PartnerAnswerView(country.Value, "answered", a.Level, a.Rule, a.Refusal, a.Hit, a.TooBroad,
                    JsonSerializer.Deserialize<List<ConsultationItemView>>(a.Items, Json) ?? [], a.ReceivedAt)
                {
                    Count = a.Count, ToAdd = a.ToAdd?.Split(',') ?? [],
                }
                : new PartnerAnswerView(country.Value, now < deadline ? "waiting" : "no-answer", null, null, null, null, false, [], null));
        return new ConsultationSearchView(search.Id, ConsultationContexts.NameOf(search.Context), Disclosure.NameOf(search.DataSet), search.Purpose,
            search.CaseReference, search.StartedAt, deadline, [.. partners]);
    }

    // One alert when a user's searches in the window first pass the threshold, not one per search above it.
    private async Task WatchVolumeAsync(Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var since = now - settings.AlertWindow;
        var count = await db.ConsultationSearches.CountAsync(s => s.RequestedBy == actor.Name && s.StartedAt > since, ct);
        if (count == settings.VolumeAlertSearches + 1)
        {
            await audit.WriteAsync(new AuditRecord(AuditActions.ConsultationVolumeAlert, AuditOutcomes.Success, [$"user:{actor.Name}"],
                Detail: $"{actor.Name} made {count} consultation searches in {settings.AlertWindow}, above the {settings.VolumeAlertSearches} that alert the DPO"),
                Actor.Node(node), ct);
        }
    }
}

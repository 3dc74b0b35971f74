using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Consultation;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Consultation.Data;

namespace Senningen.Node.Features.Consultation.Searching;

/// <summary>
/// <c>GET /api/v1/consultation/searches/{id}</c>: the search and each partner's state (waiting until the deadline,
/// answered, or no-answer after it). Only the officer who searched may read it; every read that shows records is
/// audited with them.
/// </summary>
internal static class ReadSearch
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<Results<Ok<ConsultationSearchView>, ProblemHttpResult>> HandleAsync(Guid id, HttpContext http, SenningenDbContext db,
        AuditLog audit, NodeSettings node, Texts texts, TimeProvider clock, CancellationToken ct) =>
        await FindAsync(id, Actor.From(http.User, node), db, audit, clock, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound(texts, "consultation search");

    /// <summary>The actor's own search with its answers so far, or null; a read that shows records is audited with them.</summary>
    /// <param name="shown">Records the caller has already shown and audited (a page following a search as answers arrive).</param>
    public static async Task<ConsultationSearchView?> FindAsync(Guid id, Actor actor, SenningenDbContext db, AuditLog audit, TimeProvider clock,
        CancellationToken ct, int shown = 0)
    {
        var search = await db.ConsultationSearches.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (search is null || search.RequestedBy != actor.Name)
        {
            // Someone else's search is as unknown as a search that does not exist.
            return null;
        }

        var answers = await db.ConsultationAnswers.AsNoTracking().Where(a => a.SearchId == id).ToListAsync(ct);
        var view = View(search, answers, clock.GetUtcNow());
        var records = view.Partners.SelectMany(p => p.Items.Select(i => $"{p.Country}:{i.Reference}")).ToList();
        if (records.Count > shown)
        {
            await audit.WriteAsync(new AuditRecord(AuditActions.ConsultationRead, AuditOutcomes.Success, [$"consultation:{id}", .. records],
                search.Purpose, search.CaseReference, Detail: $"{records.Count} record(s) shown"), actor, ct);
        }

        return view;
    }

    public static ConsultationSearchView View(ConsultationSearch search, IReadOnlyList<ConsultationAnswerRow> answers, DateTimeOffset now)
    {
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(search.DeadlineMs);
        var partners = search.Partners.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(country =>
            answers.FirstOrDefault(a => a.Country == country) is { } a
                ? new PartnerAnswerView(country, "answered", a.Level, a.Rule, a.Refusal, a.Hit, a.TooBroad,
                    JsonSerializer.Deserialize<List<ConsultationItemView>>(a.Items, Json) ?? [], DateTimeOffset.FromUnixTimeMilliseconds(a.ReceivedAtMs))
                : new PartnerAnswerView(country, now < deadline ? "waiting" : "no-answer", null, null, null, null, false, [], null));
        return new ConsultationSearchView(search.Id, search.Context, search.DataSet, search.Purpose, search.CaseReference,
            DateTimeOffset.FromUnixTimeMilliseconds(search.StartedAtMs), deadline, [.. partners]);
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Anpr;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;

namespace Senningen.Node.Features.Anpr.Hits;

/// <summary><c>POST /api/v1/anpr/hits/{id}/acknowledge</c>: the control room has seen the hit and acts on the entry's action.</summary>
internal static class AcknowledgeHit
{
    public static async Task<Results<Ok<HitView>, ProblemHttpResult>> HandleAsync(Guid id, AcknowledgeHitRequest? request, SenningenDbContext db,
        AuditLog audit, ChangeFeed<HitsChanged> feed, NodeSettings settings, ClaimsPrincipal user, Texts texts, TimeProvider clock, CancellationToken ct)
    {
        if (request?.Note is { Length: > 500 })
        {
            return Problems.Validation(texts, new FieldError("note", Rules.MaxLength, texts["rule.max-length", "note", 500]));
        }

        var hit = await db.AnprHits.FirstOrDefaultAsync(h => h.Id == id, ct);
        if (hit is null)
        {
            return Problems.NotFound(texts, texts["anpr.hit"]);
        }

        if (hit.AcknowledgedAtMs is not null)
        {
            return Problems.Conflict(texts, texts["anpr.problem.already-acknowledged"]);
        }

        var actor = Actor.From(user, settings);
        (hit.AcknowledgedAtMs, hit.AcknowledgedBy) = (clock.GetUtcNow().ToUnixTimeMilliseconds(), actor.Name);
        hit.Version++;
        audit.Add(new AuditRecord(AuditActions.AnprHitAcknowledged, AuditOutcomes.Success, [$"hit:{hit.Id}"], Detail: request?.Note), actor);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict(texts, texts["anpr.problem.already-acknowledged"]);
        }

        feed.Publish(default(HitsChanged));
        return TypedResults.Ok(HitViews.From(hit));
    }
}

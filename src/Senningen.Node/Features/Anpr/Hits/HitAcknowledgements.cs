using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Anpr;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Officers;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;

namespace Senningen.Node.Features.Anpr.Hits;

/// <summary>What acknowledging gave: the hit after it, or the status (400, 404, 409) and what stopped it.</summary>
internal sealed record AcknowledgeOutcome(HitView? Hit, int Status, FieldError? Error);

/// <summary>
/// The control room has seen a hit and acts on the entry's action: acknowledged once, by the current officer, audited,
/// and every open hit board is told. A hit acknowledged meanwhile (here or by another instance) is a conflict.
/// </summary>
internal sealed class HitAcknowledgements(SenningenDbContext db, AuditLog audit, ChangeFeed<HitsChanged> feed, CurrentOfficer officer, Texts texts,
    TimeProvider clock)
{
    public const string AlreadyAcknowledged = "already-acknowledged";

    public async Task<AcknowledgeOutcome> AcknowledgeAsync(Guid id, string? note, CancellationToken ct)
    {
        if (note is { Length: > 500 })
        {
            return new AcknowledgeOutcome(null, StatusCodes.Status400BadRequest,
                new FieldError("note", Rules.MaxLength, texts["rule.max-length", "note", 500]));
        }

        var hit = await db.AnprHits.FirstOrDefaultAsync(h => h.Id == id, ct);
        if (hit is null)
        {
            return new AcknowledgeOutcome(null, StatusCodes.Status404NotFound,
                new FieldError("id", "not-found", texts["problem.not-found.detail", texts["anpr.hit"]]));
        }

        if (hit.AcknowledgedAt is not null)
        {
            return Conflict();
        }

        (hit.AcknowledgedAt, hit.AcknowledgedBy) = (clock.GetUtcNow().AsStored(), officer.Name);
        hit.Version++;
        audit.Add(new AuditRecord(AuditActions.AnprHitAcknowledged, AuditOutcomes.Success, [$"hit:{hit.Id}"], Detail: note), officer.Actor);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict();
        }

        feed.Publish(default(HitsChanged));
        return new AcknowledgeOutcome(HitViews.From(hit), StatusCodes.Status200OK, null);
    }

    private AcknowledgeOutcome Conflict() =>
        new(null, StatusCodes.Status409Conflict, new FieldError("id", AlreadyAcknowledged, texts["anpr.problem.already-acknowledged"]));
}

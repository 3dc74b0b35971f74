using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Anpr;
using Senningen.Core.Access;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Officers;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Security;
using Senningen.Node.Features.Anpr.Data;

namespace Senningen.Node.Features.Anpr.Hits;

/// <summary>What acknowledging gave: the hit after it, or the status (400, 404, 409) and what stopped it.</summary>
internal sealed record AcknowledgeOutcome(HitView? Hit, int Status, FieldError? Error);

/// <summary>What acknowledging a group gave: the hits acknowledged, or the status (400, 404, 409) and what stopped it.</summary>
internal sealed record GroupAcknowledgeOutcome(HitGroupAcknowledged? Acknowledged, int Status, FieldError? Error);

/// <summary>
/// The control room has seen a hit and acts on the entry's action: acknowledged once, by the current officer, audited,
/// and every open hit board is told. A hit acknowledged meanwhile (here or by another instance) is a conflict. A group is
/// acknowledged through its latest hit the operator saw: that hit and the earlier ones of its entry, never a later
/// sighting the operator has not seen yet. A hit outside the officer's reach to change (need to know: the zone of another
/// control room) is not found, with an audited denial, and a group covers only the hits within that reach.
/// </summary>
internal sealed class HitAcknowledgements(SenningenDbContext db, AuditLog audit, ChangeFeed<HitsChanged> feed, CurrentOfficer officer,
    NeedToKnowGuard guard, Texts texts, TimeProvider clock)
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
        if (hit is null || !await guard.CheckAsync(Capability.AnprHits, AccessKind.Change, Owner.Of(null, hit.Zone), $"hit:{id}", ct))
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

    public async Task<GroupAcknowledgeOutcome> AcknowledgeGroupAsync(string id, string? note, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var hitId))
        {
            return new GroupAcknowledgeOutcome(null, StatusCodes.Status400BadRequest, new FieldError("id", Rules.Format, texts["anpr.rule.hit-id", "id"]));
        }

        if (note is { Length: > 500 })
        {
            return new GroupAcknowledgeOutcome(null, StatusCodes.Status400BadRequest,
                new FieldError("note", Rules.MaxLength, texts["rule.max-length", "note", 500]));
        }

        var latest = await db.AnprHits.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hitId, ct);
        if (latest is null || !await guard.CheckAsync(Capability.AnprHits, AccessKind.Change, Owner.Of(null, latest.Zone), $"hit:{hitId}", ct))
        {
            return new GroupAcknowledgeOutcome(null, StatusCodes.Status404NotFound,
                new FieldError("id", "not-found", texts["problem.not-found.detail", texts["anpr.hit"]]));
        }

        // The same entry seen in another control room's zone stays that control room's to acknowledge.
        var hits = await db.AnprHits.Within(guard.Scope(Capability.AnprHits, AccessKind.Change), h => null, h => h.Zone).Where(h => h.EntryId == latest.EntryId && h.Owner == latest.Owner && h.AcknowledgedAt == null
            && h.ReceivedAt <= latest.ReceivedAt).OrderBy(h => h.ReceivedAt).ToListAsync(ct);
        if (hits.Count == 0)
        {
            return new GroupAcknowledgeOutcome(null, StatusCodes.Status409Conflict, Conflict().Error);
        }

        var at = clock.GetUtcNow().AsStored();
        foreach (var hit in hits)
        {
            (hit.AcknowledgedAt, hit.AcknowledgedBy) = (at, officer.Name);
            hit.Version++;
        }

        // One entry for the group's acknowledgement, naming every hit it covers, as one acknowledgement names its hit.
        audit.Add(new AuditRecord(AuditActions.AnprHitAcknowledged, AuditOutcomes.Success, [.. hits.Select(h => $"hit:{h.Id}")], Detail: note),
            officer.Actor);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new GroupAcknowledgeOutcome(null, StatusCodes.Status409Conflict, Conflict().Error);
        }

        feed.Publish(default(HitsChanged));
        return new GroupAcknowledgeOutcome(new HitGroupAcknowledged(latest.Owner.Value, latest.EntryId, [.. hits.Select(h => h.Id)], officer.Name, at),
            StatusCodes.Status200OK, null);
    }
}

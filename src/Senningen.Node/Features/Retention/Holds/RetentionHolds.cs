using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Retention;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Officers;
using Senningen.Node.Features.Retention.Data;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Paging;

namespace Senningen.Node.Features.Retention.Holds;

/// <summary>A hold placed, or every broken rule of the request.</summary>
internal sealed record HoldOutcome(HoldView? Hold, IReadOnlyList<FieldError> Errors);

/// <summary>
/// The data protection officer's holds: placed (a case or named records, a reason, optionally an end), listed and
/// lifted, each audited with the case and the records it names.
/// </summary>
internal sealed class RetentionHolds(SenningenDbContext db, AuditLog audit, CurrentOfficer officer, Texts texts, TimeProvider clock)
{
    public async Task<HoldOutcome> PlaceAsync(PlaceHoldRequest? request, CancellationToken ct)
    {
        var validator = new RequestValidator(texts);
        var now = clock.GetUtcNow();
        var caseReference = RequestText.Blank(request?.CaseReference);
        var ids = request?.RecordIds ?? [];
        if (caseReference is null && ids.Count == 0)
        {
            validator.Add("caseReference", Rules.Required, "rule.retention-hold-target");
        }
        else if (caseReference is not null && ids.Count > 0)
        {
            validator.Add("recordIds", Rules.OneOf, "rule.retention-hold-target");
        }

        validator.MaxLength("caseReference", caseReference, 100);
        if (ids.Count > RetentionHoldRules.MaxRecords)
        {
            validator.Add("recordIds", Rules.Range, "rule.retention-hold-records", RetentionHoldRules.MaxRecords);
        }
        else if (ids.Any(id => id == Guid.Empty))
        {
            validator.Add("recordIds", Rules.Format, "rule.retention-hold-record-id");
        }

        var reason = RequestText.Blank(request?.Reason);
        validator.Required("reason", reason);
        validator.MaxLength("reason", reason, RetentionHoldRules.MaxReason);
        if (request?.Until is { } until && until <= now)
        {
            validator.Add("until", Rules.Range, "rule.retention-hold-until");
        }

        if (validator.HasErrors)
        {
            return new HoldOutcome(null, validator.Errors);
        }

        var hold = new RetentionHold
        {
            Id = Guid.CreateVersion7(now), CaseReference = caseReference, RecordIds = string.Join(',', ids.Distinct()), Reason = reason!,
            PlacedBy = officer.Actor.Name, PlacedAt = now, Until = request!.Until,
        };
        db.RetentionHolds.Add(hold);
        audit.Add(new AuditRecord(AuditActions.RetentionHoldPlaced, AuditOutcomes.Success, Records: [hold.Id.ToString(), .. ids.Select(i => i.ToString())],
            Purpose: RequestText.ForAudit(reason), CaseReference: caseReference, Detail: hold.Until is { } u ? $"until {u:O}" : "until lifted"));
        await db.SaveChangesAsync(ct);
        return new HoldOutcome(View(hold), []);
    }

    /// <summary>
    /// The holds, oldest first: all of them (the retention overview), or the API's page (the row past its limit included
    /// for the pager, not audited: nobody is shown it).
    /// </summary>
    public async Task<List<HoldView>> ListAsync(CancellationToken ct, PageRequest? page = null)
    {
        var all = db.RetentionHolds.AsNoTracking();
        var holds = await (page is null ? all.OrderBy(h => h.PlacedAt).ThenBy(h => h.Id) : all.PageBy(page, newestFirst: false, h => h.PlacedAt, h => h.Id))
            .ToListAsync(ct);
        var shown = page?.Shown(holds.Count) ?? holds.Count;
        audit.Add(new AuditRecord(AuditActions.RetentionHoldsRead, AuditOutcomes.Success, Records: [.. holds.Take(shown).Select(h => h.Id.ToString())]));
        await db.SaveChangesAsync(ct);
        return [.. holds.Select(View)];
    }

    /// <returns>False when no hold has this id.</returns>
    public async Task<bool> LiftAsync(Guid id, CancellationToken ct)
    {
        var hold = await db.RetentionHolds.FirstOrDefaultAsync(h => h.Id == id, ct);
        if (hold is null)
        {
            return false;
        }

        db.RetentionHolds.Remove(hold);
        audit.Add(new AuditRecord(AuditActions.RetentionHoldLifted, AuditOutcomes.Success, Records: [hold.Id.ToString(), .. Ids(hold)],
            Purpose: RequestText.ForAudit(hold.Reason), CaseReference: hold.CaseReference, Detail: $"placed by {hold.PlacedBy} at {hold.PlacedAt:O}"));
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static string[] Ids(RetentionHold hold) => hold.RecordIds.Split(',', StringSplitOptions.RemoveEmptyEntries);

    private static HoldView View(RetentionHold h) =>
        new(h.Id, h.CaseReference, [.. Ids(h).Select(Guid.Parse)], h.Reason, h.PlacedBy, h.PlacedAt, h.Until);
}

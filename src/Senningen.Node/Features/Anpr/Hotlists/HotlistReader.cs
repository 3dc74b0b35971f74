using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Anpr;
using Senningen.Core.Anpr;
using Senningen.Core.Countries;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Officers;
using Senningen.Node.Common.Paging;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;

namespace Senningen.Node.Features.Anpr.Hotlists;

/// <summary>The filters of <c>GET /api/v1/anpr/hotlist</c>, as given: plate (by canonical key), category, owner (the page is the pager's).</summary>
internal sealed record HotlistFilter(string? Plate, string? Category, string? Owner);

/// <summary>The entries asked for, or the broken rules of the filter (400).</summary>
internal sealed record HotlistOutcome(List<HotlistEntryView>? Entries, IReadOnlyList<FieldError> Errors);

/// <summary>
/// Hotlist entries, latest change first. The list holds personal data: every read of it is audited, as the current
/// officer, with the filter it used.
/// </summary>
internal sealed class HotlistReader(SenningenDbContext db, AuditLog audit, CurrentOfficer officer, Texts texts)
{
    /// <summary>
    /// What a call without <c>limit</c> gets (its default before it paged), and the most a page holds: 1,000, as every
    /// paged list (the old bound was 10,000 in one answer; no client of ours asked for more than the default).
    /// </summary>
    public const int ListDefault = 500;
    public const int ListMax = 1_000;

    /// <summary>One page of the entries after <paramref name="page"/>'s key, latest change first (the row past its limit included, for the pager).</summary>
    public async Task<HotlistOutcome> ListAsync(HotlistFilter filter, PageRequest page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(page);
        var (plate, category, owner) = (filter.Plate, filter.Category, filter.Owner);
        var v = new RequestValidator(texts);
        HotlistCategory? wanted = null;
        if (category is { Length: > 0 })
        {
            v.OneOf("category", category, [.. AnprNames.Categories.Keys]);
            wanted = AnprNames.Categories.GetValueOrDefault(category);
        }

        if (v.HasErrors)
        {
            return new HotlistOutcome(null, v.Errors);
        }

        var query = db.AnprHotlist.AsNoTracking();
        if (plate is { Length: > 0 })
        {
            // By canonical key: a search for "8X6012" finds "BX-G01Z" as matching would.
            var key = Plate.TryParse(plate, out var p) ? p.Key.ToString() : "";
            query = query.Where(e => e.CanonicalKey == key);
        }

        if (wanted is { } c)
        {
            query = query.Where(e => e.Category == c);
        }

        if (owner is { Length: > 0 })
        {
            // Only countries Senningen knows own entries: any other owner asked for has none.
            query = CountryCode.TryParse(owner, out var code) ? query.Where(e => e.Owner == code) : query.Where(e => false);
        }

        var rows = await query.PageBy(page, newestFirst: true, e => e.UpdatedAt, e => e.Id).ToListAsync(ct);
        await audit.WriteAsync(new AuditRecord(AuditActions.AnprHotlistRead, AuditOutcomes.Success,
            Detail: $"{page.Shown(rows.Count)} entries (plate={plate}, category={category}, owner={owner})"), officer.Actor, ct);
        return new HotlistOutcome([.. rows.Select(ToView)], []);
    }

    /// <summary>The console's hotlist page: the latest changed entries, audited as one read of the page.</summary>
    public async Task<IReadOnlyList<HotlistEntryView>> LatestAsync(int take, CancellationToken ct)
    {
        var rows = await db.AnprHotlist.AsNoTracking().OrderByDescending(e => e.UpdatedAt).Take(take).ToListAsync(ct);
        await audit.WriteAsync(new AuditRecord(AuditActions.AnprHotlistRead, AuditOutcomes.Success, Detail: $"{rows.Count} entries (hotlist page)"),
            officer.Actor, ct);
        return [.. rows.Select(ToView)];
    }

    public static HotlistEntryView ToView(ListedPlate e) =>
        new(e.Id, e.ListedAs, e.CanonicalKey, e.Format, AnprNames.Of(e.Category), AnprNames.Of(e.Action), e.ValidFrom, e.ValidTo, e.Owner.Value,
            e.Assessment, e.CreatedAt, e.UpdatedAt);
}

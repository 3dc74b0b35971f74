using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Anpr;
using Senningen.Core.Anpr;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;

namespace Senningen.Node.Features.Anpr.Hotlists;

/// <summary>
/// <c>GET /api/v1/anpr/hotlist</c> (filters: plate, category, owner; newest change first; audited, as the list holds personal
/// data) and <c>DELETE …/{id}</c>.
/// </summary>
internal static class ReadHotlist
{
    public static async Task<Results<Ok<List<HotlistEntryView>>, ProblemHttpResult>> ListAsync(string? plate, string? category, string? owner,
        string? limit, SenningenDbContext db, AuditLog audit, Texts texts, CancellationToken ct)
    {
        var v = new RequestValidator(texts);
        var take = v.WholeNumber("limit", limit, 500, 1, 10_000);
        HotlistCategory? wanted = null;
        if (category is { Length: > 0 })
        {
            v.OneOf("category", category, [.. AnprNames.Categories.Keys]);
            wanted = AnprNames.Categories.GetValueOrDefault(category);
        }

        if (v.HasErrors)
        {
            return v.Problem();
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
            query = query.Where(e => e.Category == (int)c);
        }

        if (owner is { Length: > 0 })
        {
            var code = owner.Trim().ToUpperInvariant();
            query = query.Where(e => e.Owner == code);
        }

        var rows = await query.OrderByDescending(e => e.UpdatedAtMs).Take(take).ToListAsync(ct);
        await audit.WriteAsync(new AuditRecord(AuditActions.AnprHotlistRead, AuditOutcomes.Success,
            Detail: $"{rows.Count} entries (plate={plate}, category={category}, owner={owner})"), cancellationToken: ct);
        return TypedResults.Ok(rows.Select(ToView).ToList());
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, SenningenDbContext db, LiveHotlist hotlist,
        AuditLog audit, Texts texts, CancellationToken ct)
    {
        var row = await db.AnprHotlist.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (row is null)
        {
            return Problems.NotFound(texts, texts["anpr.hotlist-entry"]);
        }

        db.AnprHotlist.Remove(row);
        audit.Add(new AuditRecord(AuditActions.AnprHotlistDeleted, AuditOutcomes.Success, [$"hotlist:{row.Id}"],
            Detail: $"{AnprNames.Of((HotlistCategory)row.Category)} of {row.Owner}"));
        await db.SaveChangesAsync(token => LiveHotlist.BumpVersionAsync(db, token), ct);
        hotlist.Apply([], [row.Id]);
        return TypedResults.NoContent();
    }

    public static Task<List<ListedPlate>> LatestAsync(SenningenDbContext db, int take, CancellationToken ct) =>
        db.AnprHotlist.AsNoTracking().OrderByDescending(e => e.UpdatedAtMs).Take(take).ToListAsync(ct);

    public static HotlistEntryView ToView(ListedPlate e) =>
        new(e.Id, e.ListedAs, e.CanonicalKey, e.Format, AnprNames.Of((HotlistCategory)e.Category), AnprNames.Of((HotlistAction)e.Action),
            DateTimeOffset.FromUnixTimeMilliseconds(e.ValidFromMs), e.ValidToMs is { } to ? DateTimeOffset.FromUnixTimeMilliseconds(to) : null,
            e.Owner, e.Assessment, DateTimeOffset.FromUnixTimeMilliseconds(e.CreatedAtMs), DateTimeOffset.FromUnixTimeMilliseconds(e.UpdatedAtMs));
}

using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Senningen.Contracts.Anpr;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;

namespace Senningen.Node.Features.Anpr.Hotlists;

/// <summary>
/// <c>POST /api/v1/anpr/hotlist/import[?dryRun=true]</c>: CSV (<c>text/csv</c>) or a JSON array. Every line is checked;
/// a dry run only reports, otherwise the valid lines are upserted by owner, plate and category in one audited save,
/// and matching uses them from the next read on.
/// </summary>
internal static class ImportHotlist
{
    public static async Task<Results<Ok<HotlistImportReport>, ProblemHttpResult>> HandleAsync(HttpRequest request, bool? dryRun,
        SenningenDbContext db, LiveHotlist hotlist, AuditLog audit, NodeSettings settings, IOptions<JsonOptions> json, Texts texts,
        TimeProvider clock, CancellationToken ct)
    {
        var mediaType = request.ContentType is { } type ? type.Split(';')[0].Trim().ToLowerInvariant() : "";
        if (mediaType is not ("text/csv" or "application/json"))
        {
            return Problems.Create(texts, StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", texts["anpr.problem.hotlist-media-type"]);
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(ct);
        var now = clock.GetUtcNow();
        var rejected = new List<RejectedLine>();
        List<(int Line, HotlistEntryInput? Input)> lines;
        if (mediaType == "text/csv")
        {
            (lines, var unreadable) = HotlistLines.FromCsv(body);
            rejected.AddRange(unreadable.Select(u => new RejectedLine(u.Line, u.Field, Rules.Format, texts["rule.date-format", u.Field])));
        }
        else
        {
            try
            {
                lines = HotlistLines.FromJson(body, json.Value.SerializerOptions);
            }
            catch (JsonException e)
            {
                return Problems.Validation(texts, new FieldError("body", Rules.JsonSyntax,
                    texts["rule.json-syntax", "body", (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1]));
            }
        }

        var valid = new List<CheckedLine>();
        var seen = new HashSet<(string, string, int)>();
        foreach (var (line, input) in lines)
        {
            if (HotlistLineRules.Check(line, input, settings.Country, now, texts, rejected) is not { } ok)
            {
                continue;
            }

            if (!seen.Add((ok.Owner.Value, ok.Plate.Text, (int)ok.Category)))
            {
                rejected.Add(new RejectedLine(line, "plate", Rules.Unique, texts["rule.hotlist-duplicate", "plate"]));
                continue;
            }

            valid.Add(ok);
        }

        rejected.Sort((a, b) => a.Line.CompareTo(b.Line));
        if (dryRun == true || valid.Count == 0)
        {
            return TypedResults.Ok(new HotlistImportReport(dryRun == true, valid.Count, 0, 0, rejected));
        }

        var (added, updated) = await UpsertAsync(db, valid, Actor.From(request.HttpContext.User, settings).Name, now, ct);
        audit.Add(new AuditRecord(AuditActions.AnprHotlistImported, AuditOutcomes.Success, [.. added.Concat(updated).Select(e => $"hotlist:{e.Id}")],
            Detail: $"{mediaType}: {added.Count} added, {updated.Count} updated, {rejected.Count} rejected"));
        await db.SaveChangesAsync(token => LiveHotlist.BumpVersionAsync(db, token), ct);
        hotlist.Apply(added.Concat(updated), []);
        return TypedResults.Ok(new HotlistImportReport(false, valid.Count, added.Count, updated.Count, rejected));
    }

    private static async Task<(List<ListedPlate> Added, List<ListedPlate> Updated)> UpsertAsync(SenningenDbContext db, List<CheckedLine> lines,
        string by, DateTimeOffset now, CancellationToken ct)
    {
        var plates = lines.Select(l => l.Plate.Text).Distinct().ToList();
        var existing = (await db.AnprHotlist.Where(e => plates.Contains(e.PlateText)).ToListAsync(ct))
            .ToDictionary(e => (e.Owner, e.PlateText, e.Category));
        var (added, updated) = (new List<ListedPlate>(), new List<ListedPlate>());
        var at = now.ToUnixTimeMilliseconds();
        foreach (var line in lines)
        {
            if (!existing.TryGetValue((line.Owner.Value, line.Plate.Text, (int)line.Category), out var row))
            {
                row = new ListedPlate { Id = Guid.CreateVersion7(now), CreatedAtMs = at };
                db.AnprHotlist.Add(row);
                added.Add(row);
            }
            else
            {
                updated.Add(row);
            }

            row.ListedAs = line.ListedAs;
            row.PlateText = line.Plate.Text;
            row.CanonicalKey = line.Plate.Key.ToString();
            row.Format = line.Plate.Format.Id;
            (row.Category, row.Action, row.Owner, row.Assessment) = ((int)line.Category, (int)line.Action, line.Owner.Value, line.Assessment);
            (row.ValidFromMs, row.ValidToMs, row.UpdatedAtMs) = (line.ValidFrom.ToUnixTimeMilliseconds(), line.ValidTo?.ToUnixTimeMilliseconds(), at);
            row.UpdatedBy = by;
        }

        return (added, updated);
    }
}

using System.Text.Json;
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
/// Checks every line of an import; a dry run only reports, otherwise the valid lines are upserted by owner, plate and
/// category in one audited save that bumps the hotlist version, and matching uses them from the next read on.
/// </summary>
internal sealed class HotlistImporter(SenningenDbContext db, LiveHotlist hotlist, AuditLog audit, NodeSettings settings,
    IOptions<JsonOptions> json, Texts texts, TimeProvider clock)
{
    public const string Csv = "text/csv";
    public const string Json = "application/json";

    /// <returns>The report, or (for JSON that does not parse) the error.</returns>
    public async Task<(HotlistImportReport? Report, FieldError? Error)> ImportAsync(string mediaType, string body, bool dryRun, Actor actor,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rejected = new List<RejectedLine>();
        List<(int Line, HotlistEntryInput? Input)> lines;
        if (mediaType == Csv)
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
                return (null, new FieldError("body", Rules.JsonSyntax, texts["rule.json-syntax", "body", (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1]));
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
        if (dryRun || valid.Count == 0)
        {
            return (new HotlistImportReport(dryRun, valid.Count, 0, 0, rejected), null);
        }

        var (added, updated) = await UpsertAsync(valid, actor.Name, now, ct);
        audit.Add(new AuditRecord(AuditActions.AnprHotlistImported, AuditOutcomes.Success, [.. added.Concat(updated).Select(e => $"hotlist:{e.Id}")],
            Detail: $"{mediaType}: {added.Count} added, {updated.Count} updated, {rejected.Count} rejected"), actor);
        await db.SaveChangesAsync(token => LiveHotlist.BumpVersionAsync(db, token), ct);
        hotlist.Apply(added.Concat(updated), []);
        return (new HotlistImportReport(false, valid.Count, added.Count, updated.Count, rejected), null);
    }

    private async Task<(List<ListedPlate> Added, List<ListedPlate> Updated)> UpsertAsync(List<CheckedLine> lines, string by, DateTimeOffset now,
        CancellationToken ct)
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

            (row.ListedAs, row.PlateText, row.CanonicalKey, row.Format) = (line.ListedAs, line.Plate.Text, line.Plate.Key.ToString(), line.Plate.Format.Id);
            (row.Category, row.Action, row.Owner, row.Assessment) = ((int)line.Category, (int)line.Action, line.Owner.Value, line.Assessment);
            (row.ValidFromMs, row.ValidToMs) = (line.ValidFrom.ToUnixTimeMilliseconds(), line.ValidTo?.ToUnixTimeMilliseconds());
            (row.UpdatedAtMs, row.UpdatedBy) = (at, by);
        }

        return (added, updated);
    }
}

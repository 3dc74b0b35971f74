using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Senningen.Contracts.Anpr;
using Senningen.Core.Anpr;
using Senningen.Core.Countries;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Officers;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;

namespace Senningen.Node.Features.Anpr.Hotlists;

/// <summary>What an import gave: the report (each rejected line named), or, for JSON that does not parse, the error (400).</summary>
internal sealed record ImportOutcome(HotlistImportReport? Report, FieldError? Error);

/// <summary>
/// Checks every line of an import; a dry run only reports, otherwise the valid lines are upserted by owner, plate and
/// category in one audited save (as the current officer) that bumps the hotlist version, and matching uses them from
/// the next read on.
/// </summary>
internal sealed class HotlistImporter(SenningenDbContext db, LiveHotlist hotlist, AuditLog audit, CurrentOfficer officer, NodeSettings settings,
    IOptions<JsonOptions> json, Texts texts, TimeProvider clock)
{
    public const string Csv = "text/csv";
    public const string Json = "application/json";

    /// <param name="mediaType"><see cref="Csv"/> or <see cref="Json"/>.</param>
    public async Task<ImportOutcome> ImportAsync(string mediaType, string body, bool dryRun, CancellationToken ct)
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
                return new ImportOutcome(null, new FieldError("body", Rules.JsonSyntax, texts["rule.json-syntax", "body", (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1]));
            }
        }

        var valid = new List<CheckedLine>();
        var seen = new HashSet<(CountryCode, string, HotlistCategory)>();
        foreach (var (line, input) in lines)
        {
            if (HotlistLineRules.Check(line, input, settings.Country, now, texts, rejected) is not { } ok)
            {
                continue;
            }

            if (!seen.Add((ok.Owner, ok.Plate.Text, ok.Category)))
            {
                rejected.Add(new RejectedLine(line, "plate", Rules.Unique, texts["rule.hotlist-duplicate", "plate"]));
                continue;
            }

            valid.Add(ok);
        }

        rejected.Sort((a, b) => a.Line.CompareTo(b.Line));
        if (dryRun || valid.Count == 0)
        {
            return new ImportOutcome(new HotlistImportReport(dryRun, valid.Count, 0, 0, rejected), null);
        }

        var (added, updated) = await UpsertAsync(valid, officer.Name, now, ct);
        audit.Add(new AuditRecord(AuditActions.AnprHotlistImported, AuditOutcomes.Success, [.. added.Concat(updated).Select(e => $"hotlist:{e.Id}")],
            Detail: $"{mediaType}: {added.Count} added, {updated.Count} updated, {rejected.Count} rejected"), officer.Actor);
        await db.SaveChangesAsync(token => LiveHotlist.BumpVersionAsync(db, token), ct);
        hotlist.Apply(added.Concat(updated), []);
        return new ImportOutcome(new HotlistImportReport(false, valid.Count, added.Count, updated.Count, rejected), null);
    }

    private async Task<(List<ListedPlate> Added, List<ListedPlate> Updated)> UpsertAsync(List<CheckedLine> lines, string by, DateTimeOffset now,
        CancellationToken ct)
    {
        var plates = lines.Select(l => l.Plate.Text).Distinct().ToList();
        var existing = (await db.AnprHotlist.Where(e => plates.Contains(e.PlateText)).ToListAsync(ct))
            .ToDictionary(e => (e.Owner, e.PlateText, e.Category));
        var (added, updated) = (new List<ListedPlate>(), new List<ListedPlate>());
        var at = now.AsStored();
        foreach (var line in lines)
        {
            if (!existing.TryGetValue((line.Owner, line.Plate.Text, line.Category), out var row))
            {
                row = new ListedPlate { Id = Guid.CreateVersion7(now), CreatedAt = at };
                db.AnprHotlist.Add(row);
                added.Add(row);
            }
            else
            {
                updated.Add(row);
            }

            (row.ListedAs, row.PlateText, row.CanonicalKey, row.Format) = (line.ListedAs, line.Plate.Text, line.Plate.Key.ToString(), line.Plate.Format.Id);
            (row.Category, row.Action, row.Owner, row.Assessment) = (line.Category, line.Action, line.Owner, line.Assessment);
            (row.ValidFrom, row.ValidTo) = (line.ValidFrom.AsStored(), line.ValidTo?.AsStored());
            (row.UpdatedAt, row.UpdatedBy) = (at, by);
        }

        return (added, updated);
    }
}

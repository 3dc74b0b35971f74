using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Anpr;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Officers;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;
using Senningen.Node.Features.Anpr.Retention;
using Senningen.Node.Features.Anpr.Runs;

namespace Senningen.Node.Features.Anpr.History;

/// <summary>The answer to a search: the reads, or the broken rules (400), or the legal rule that refuses it (403).</summary>
internal sealed record ReadSearchOutcome(ReadSearchResult? Result, IReadOnlyList<FieldError> Errors, FieldError? Refusal);

/// <summary>
/// Searches stored reads by canonical key or camera over a period, under the law of the node's country. Every search,
/// answered, refused or invalid, is audited, as the current officer, with its purpose, case reference, criteria and the
/// number of reads disclosed.
/// </summary>
internal sealed partial class ReadHistory(SenningenDbContext db, AuditLog audit, CurrentOfficer officer, AnprLegalRules rules, Texts texts,
    TimeProvider clock, ILogger<ReadHistory> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ReadSearchOutcome> SearchAsync(ReadSearchRequest? request, CancellationToken ct)
    {
        var v = new RequestValidator(texts);
        if (ReadSearchRules.Check(request, rules, v) is not { } search)
        {
            await AuditAsync(AuditOutcomes.Failed, request?.Purpose, request?.CaseReference,
                $"invalid search: {string.Join(", ", v.Errors.Select(e => $"{e.Field} {e.Rule}"))}", [], ct);
            return new ReadSearchOutcome(null, v.Errors, null);
        }

        var now = clock.GetUtcNow();
        if (rules.RuleBrokenBy(search.Judicial, search.From, now, search.ProsecutorReference is not null) is { } rule)
        {
            var refusal = new FieldError(ReadSearchRules.ProsecutorReferenceField, rule,
                texts[$"anpr.rule.{rule}", ReadSearchRules.ProsecutorReferenceField, rules.OpenWindow.TotalDays]);
            await AuditAsync(AuditOutcomes.Denied, search.Purpose, search.CaseReference, $"{search.Criteria}; refused: {rule}", [], ct);
            LogRefused(logger, rule, search.Purpose);
            return new ReadSearchOutcome(null, [refusal], refusal);
        }

        var result = await QueryAsync(search, now, ct);
        await AuditAsync(AuditOutcomes.Success, search.Purpose, search.CaseReference,
            $"{search.Criteria}; {result.Reads.Count} read(s) disclosed{(result.Truncated ? " (truncated)" : "")}",
            [.. result.Reads.Select(r => $"anpr-read:{r.Id}")], ct);
        LogSearched(logger, search.Purpose, result.Reads.Count);
        LogCriteria(logger, search.Criteria);
        return new ReadSearchOutcome(result, [], null);
    }

    private async Task<ReadSearchResult> QueryAsync(CheckedSearch search, DateTimeOffset now, CancellationToken ct)
    {
        // Reads past retention that the next purge has not reached yet are not disclosed either.
        var fromMs = Math.Max(search.From.ToUnixTimeMilliseconds(), (now - rules.Retention).ToUnixTimeMilliseconds());
        var toMs = search.To.ToUnixTimeMilliseconds();
        var max = rules.MaxSearchResults;
        var rows = await FindAsync(db, search.Key, search.CameraId, fromMs, toMs, max + 1, ct);
        var ids = rows.Select(r => r.CameraId).Distinct().ToList();
        var names = await db.AnprCameras.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return new ReadSearchResult([.. rows.Take(max).Select(r => ToView(r, names.GetValueOrDefault(r.CameraId)))], rows.Count > max);
    }

    /// <summary>By canonical key, else by camera: on SQLite through the runs (ADR 0012), on PostgreSQL through the day partitions' indexes.</summary>
    internal static async Task<List<StoredRead>> FindAsync(SenningenDbContext db, string? key, string? cameraId, long fromMs, long toMs, int take,
        CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            var term = key is not null ? ReadRuns.PlateTerm(key) : ReadRuns.CameraTerm(cameraId ?? "");
            return await RunLookup.FindAsync(db, term, fromMs, toMs, take, ct);
        }

        var (from, to) = (DateTimeOffset.FromUnixTimeMilliseconds(fromMs), DateTimeOffset.FromUnixTimeMilliseconds(toMs));
        var query = db.AnprReads.AsNoTracking().Where(r => r.ObservedAt >= from && r.ObservedAt < to);
        query = key is not null ? query.Where(r => r.CanonicalKey == key) : query.Where(r => r.CameraId == cameraId);
        return await query.OrderByDescending(r => r.ObservedAt).ThenByDescending(r => r.Id).Take(take).ToListAsync(ct);
    }

    private static StoredReadView ToView(StoredRead r, string? cameraName) =>
        new(r.Id, r.Plate, r.Country, r.CameraId, cameraName, r.ObservedAt, r.Lat, r.Lon, r.Confidence,
            r.Candidates is { Length: > 0 } c ? JsonSerializer.Deserialize<List<PlateCandidateView>>(c, Json) ?? [] : []);

    private Task AuditAsync(string outcome, string? purpose, string? caseReference, string detail, IReadOnlyList<string> records, CancellationToken ct) =>
        audit.WriteAsync(new AuditRecord(AuditActions.AnprReadSearch, outcome, records, RequestText.ForAudit(purpose), RequestText.ForAudit(caseReference),
            Detail: detail), officer.Actor, ct);

    [LoggerMessage(Level = LogLevel.Information, Message = "ANPR history search ({Purpose}): {Count} read(s) disclosed")]
    private static partial void LogSearched(ILogger logger, string purpose, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "ANPR history search criteria: {Criteria}")]
    private static partial void LogCriteria(ILogger logger, string criteria);

    [LoggerMessage(Level = LogLevel.Information, Message = "ANPR history search ({Purpose}) refused by rule {Rule}")]
    private static partial void LogRefused(ILogger logger, string rule, string purpose);
}

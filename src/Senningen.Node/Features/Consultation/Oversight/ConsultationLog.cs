using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Consultation;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Audit.Public;
using Senningen.Node.Common.Paging;

namespace Senningen.Node.Features.Consultation.Oversight;

/// <summary>What a DPO's look at the log gave: the consultations of the period, or why the period is not one (400).</summary>
internal sealed record ConsultationLogOutcome(IReadOnlyList<ConsultationLogRow>? Rows, IReadOnlyList<FieldError> Errors);

/// <summary>
/// The DPO's view of consultations in both directions, read from the audit log rather than from the searches table:
/// the log is what the DPO must be able to rely on, it also holds searches refused before they were sent and partners'
/// searches this node answered, and it is tamper-evident. Each read is itself an audit entry, in the current officer's
/// name. Shared by the API and the console.
/// </summary>
internal sealed class ConsultationLog(SenningenDbContext db, AuditLog audit, Texts texts, TimeProvider clock)
{
    public const int MaxRows = 500;
    public const string Asked = "asked";
    public const string Answered = "answered";

    /// <param name="page">The API's page; the console's screen shows the first <see cref="MaxRows"/>.</param>
    public async Task<ConsultationLogOutcome> ListAsync(ConsultationLogPeriod period, CancellationToken ct, PageRequest? page = null)
    {
        var v = new RequestValidator(texts);
        var (from, to) = period.Check(v, clock.GetUtcNow());
        return v.HasErrors ? new ConsultationLogOutcome(null, v.Errors) : new ConsultationLogOutcome(await ListAsync(from, to, page, ct), []);
    }

    // Newest first by the log's sequence: unique, so a total order without a tie-break.
    private async Task<IReadOnlyList<ConsultationLogRow>> ListAsync(DateTimeOffset from, DateTimeOffset to, PageRequest? page, CancellationToken ct)
    {
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => (e.Action == AuditActions.ConsultationSearched || e.Action == AuditActions.ConsultationDisclosed)
                && e.OccurredAt >= from && e.OccurredAt <= to)
            .PageBy(page ?? PageRequest.First(MaxRows), newestFirst: true, e => e.Sequence, e => e.Sequence).ToListAsync(ct);
        var shown = Math.Min(entries.Count, page?.Limit ?? MaxRows);
        if (page is not null && entries.Count > shown)
        {
            page.EndsAt(new PageKey(entries[shown - 1].Sequence, entries[shown - 1].Sequence.ToString(CultureInfo.InvariantCulture)));
        }

        var rows = entries.Take(page is null ? shown : entries.Count).Select(Row).ToList();
        await audit.WriteAsync(new AuditRecord(AuditActions.AuditRead, AuditOutcomes.Success, Detail: string.Create(CultureInfo.InvariantCulture,
            $"consultation log {from:O} to {to:O}: {shown} consultations")), cancellationToken: ct);
        return rows;
    }

    public async Task<ConsultationTrail> TrailAsync(Guid id, CancellationToken ct)
    {
        // Records hold one "kind:id" per line; the id is a GUID, so the marker cannot be part of another record's name.
        var marker = $"consultation:{id}";
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Action.StartsWith("consultation.") && e.Records.Contains(marker))
            .OrderBy(e => e.Sequence).ToListAsync(ct);
        await audit.WriteAsync(new AuditRecord(AuditActions.AuditRead, AuditOutcomes.Success, [marker],
            Detail: $"consultation trail: {entries.Count} entries"), cancellationToken: ct);
        return new ConsultationTrail(id, [.. entries.Select(AuditEntryViews.ToView)]);
    }

    private static ConsultationLogRow Row(AuditEntry e)
    {
        var id = e.Records.Split('\n').Select(r => r.StartsWith("consultation:", StringComparison.Ordinal)
            && Guid.TryParse(r.AsSpan("consultation:".Length), out var g) ? g : (Guid?)null).FirstOrDefault(g => g is not null);
        var direction = e.Action == AuditActions.ConsultationSearched ? Asked : Answered;
        return new ConsultationLogRow(id, direction, e.OccurredAt, e.Actor, e.ActorCountry, e.Recipient, e.Outcome, e.Purpose, e.CaseReference, e.Detail);
    }
}

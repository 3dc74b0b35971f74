using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Audit;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Paging;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Audit.Public;

namespace Senningen.Node.Features.Audit.SearchLog;

/// <summary>
/// Reads the log for the DPO, for the API and the console alike; every read is itself recorded in the log, in the
/// current officer's name.
/// </summary>
public sealed class AuditReader(SenningenDbContext db, AuditLog audit)
{
    public async Task<AuditPage> SearchAsync(AuditQuery query, int page, int pageSize, CancellationToken cancellationToken)
    {
        var filtered = query.Apply(db.AuditEntries.AsNoTracking());
        var total = await filtered.LongCountAsync(cancellationToken);
        var rows = await filtered.OrderByDescending(e => e.Sequence)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        await audit.WriteAsync(new AuditRecord(AuditActions.AuditRead, AuditOutcomes.Success,
            Subjects(query), query.Purpose, query.CaseReference, Detail: Describe(query, rows.Count)), cancellationToken: cancellationToken);
        return new AuditPage([.. rows.Select(AuditEntryViews.ToView)], page, pageSize, total);
    }

    /// <summary>
    /// The API's page: the entries after <paramref name="page"/>'s sequence, newest first (the row past its limit
    /// included, for the pager), with the total the query matches now. <paramref name="skip"/> serves the deprecated
    /// <c>page</c> on a first page; the next link then continues by cursor. Only the shown entries count in the read's record.
    /// </summary>
    public async Task<AuditPage> SearchAsync(AuditQuery query, PageRequest page, int skip, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var filtered = query.Apply(db.AuditEntries.AsNoTracking());
        var total = await filtered.LongCountAsync(cancellationToken);
        var after = filtered;
        if (page.After is { } last)
        {
            // The sequence is unique: it alone is the key (the cursor's position).
            after = filtered.Where(e => e.Sequence < last.Position);
        }

        var rows = await after.OrderByDescending(e => e.Sequence).Skip(skip).Take(page.Fetch).ToListAsync(cancellationToken);
        await audit.WriteAsync(new AuditRecord(AuditActions.AuditRead, AuditOutcomes.Success,
            Subjects(query), query.Purpose, query.CaseReference, Detail: Describe(query, page.Shown(rows.Count))), cancellationToken: cancellationToken);
        var number = page.After is null ? skip / page.Limit + 1 : 0;
        return new AuditPage([.. rows.Select(AuditEntryViews.ToView)], number, page.Limit, total);
    }

    /// <summary>The key a page of the API ends at: the entry's sequence.</summary>
    public static PageKey KeyOf(AuditEntryView entry) =>
        new(entry?.Sequence ?? throw new ArgumentNullException(nameof(entry)), entry.Sequence.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// The export is recorded before its first byte leaves: a client that goes away part-way has still read what it
    /// read. It covers the entries written before it began, which its entry names by their last sequence.
    /// </summary>
    public async Task<int> ExportCsvAsync(AuditQuery query, Stream output, CancellationToken cancellationToken)
    {
        var upTo = await db.AuditEntries.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        await audit.WriteAsync(new AuditRecord(AuditActions.AuditExport, AuditOutcomes.Success, Subjects(query), query.Purpose, query.CaseReference,
            Detail: string.Create(CultureInfo.InvariantCulture, $"entries up to {upTo}; {query.Describe()}")), cancellationToken: cancellationToken);
        var rows = 0;
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        await writer.WriteLineAsync(AuditCsv.Header);
        await foreach (var entry in query.Apply(db.AuditEntries.AsNoTracking()).Where(e => e.Sequence <= upTo).OrderBy(e => e.Sequence)
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(AuditCsv.Row(entry));
            rows++;
        }

        await writer.FlushAsync(cancellationToken);
        return rows;
    }

    private static List<string>? Subjects(AuditQuery query) => string.IsNullOrWhiteSpace(query.Subject) ? null : [query.Subject];

    private static string Describe(AuditQuery query, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} entries; {query.Describe()}");
}

using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Audit;
using Senningen.Node.Common.Audit;
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

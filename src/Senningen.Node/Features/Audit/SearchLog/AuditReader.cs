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

    public async Task<int> ExportCsvAsync(AuditQuery query, Stream output, CancellationToken cancellationToken)
    {
        var rows = 0;
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        await writer.WriteLineAsync(AuditCsv.Header);
        await foreach (var entry in query.Apply(db.AuditEntries.AsNoTracking()).OrderBy(e => e.Sequence).AsAsyncEnumerable()
            .WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(AuditCsv.Row(entry));
            rows++;
        }

        await writer.FlushAsync(cancellationToken);
        await audit.WriteAsync(new AuditRecord(AuditActions.AuditExport, AuditOutcomes.Success,
            Subjects(query), query.Purpose, query.CaseReference, Detail: Describe(query, rows)), cancellationToken: cancellationToken);
        return rows;
    }

    private static List<string>? Subjects(AuditQuery query) => string.IsNullOrWhiteSpace(query.Subject) ? null : [query.Subject];

    private static string Describe(AuditQuery query, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} entries; {query.Describe()}");
}

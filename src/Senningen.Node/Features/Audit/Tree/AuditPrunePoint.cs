using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Features.Audit.Tree;

/// <summary>
/// The leaf index below which entries were removed at the end of their retention (ADR 0025): taken from the newest
/// <c>audit.pruned</c> entry, which is itself a leaf of the log, so moving the point needs an entry that says so.
/// Leaves below it are known by the hashes the tree keeps; entries from it on must all be there.
/// </summary>
internal static class AuditPrunePoint
{
    private const string Prefix = "audit-leaves:";

    /// <summary>The record an <c>audit.pruned</c> entry names: the leaves [from, to) it removed.</summary>
    public static string Record(long from, long to) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{from}..{to}");

    public static async Task<long> ReadAsync(SenningenDbContext db, CancellationToken ct)
    {
        var records = await db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.AuditPruned)
            .OrderByDescending(e => e.Sequence).Select(e => e.Records).FirstOrDefaultAsync(ct);
        if (records is null)
        {
            return 0;
        }

        var range = records.Split('\n').FirstOrDefault(r => r.StartsWith(Prefix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException("The newest audit.pruned entry names no range of leaves.");
        var to = range[(range.IndexOf("..", StringComparison.Ordinal) + 2)..];
        return long.Parse(to, NumberStyles.None, CultureInfo.InvariantCulture);
    }
}

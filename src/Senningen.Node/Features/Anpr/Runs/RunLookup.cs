using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;

namespace Senningen.Node.Features.Anpr.Runs;

/// <summary>
/// Stored reads by one term (a plate's canonical key or a camera) over [from, to), newest first, through the runs:
/// one seek per searched run that overlaps the period, then the reads by id. One statement, so one snapshot: a merge
/// switching runs in between cannot make a read appear twice or not at all.
/// </summary>
internal static class RunLookup
{
    private const string Sql = """
        SELECT r.* FROM anpr_read_terms t JOIN anpr_reads r ON r."Id" = t."ReadId"
        WHERE t."Run" IN (SELECT "Id" FROM anpr_read_runs WHERE "State" IN (0, 1) AND "ToMs" >= {1} AND "FromMs" < {2})
          AND t."Term" = {0} AND t."ObservedAtMs" >= {1} AND t."ObservedAtMs" < {2}
        ORDER BY t."ObservedAtMs" DESC, t."ReadId" DESC
        LIMIT {3}
        """;

    public static Task<List<StoredRead>> FindAsync(SenningenDbContext db, string term, long fromMs, long toMs, int take, CancellationToken ct) =>
        db.AnprReads.FromSqlRaw(Sql, term, fromMs, toMs, take).AsNoTracking().ToListAsync(ct);
}

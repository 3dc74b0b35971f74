using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Features.Anpr.Retention;

/// <summary>
/// PostgreSQL only: <c>anpr_reads</c> is partitioned by day of observation (migration AnprReadsByDay). Days are created
/// ahead so that reads land in their own day, and a day wholly past the retention cutoff is dropped as one table instead
/// of being deleted row by row. Reads with no day of their own (late arrivals) sit in the default partition, which the
/// row-by-row purge still covers.
/// </summary>
internal sealed partial class ReadPartitions(SenningenDbContext db, ILogger<ReadPartitions> logger)
{
    private const int DaysAhead = 2;
    private const string Prefix = "anpr_reads_";

    public async Task EnsureAheadAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        var existing = await NamesAsync(ct);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        for (var day = today; day <= today.AddDays(DaysAhead); day = day.AddDays(1))
        {
            if (existing.Contains(Name(day)))
            {
                continue;
            }

            var sql = string.Create(CultureInfo.InvariantCulture,
                $"CREATE TABLE {Name(day)} PARTITION OF anpr_reads FOR VALUES FROM ({Start(day)}) TO ({Start(day.AddDays(1))})");
            try
            {
                await db.Database.ExecuteSqlRawAsync(sql, ct);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.CheckViolation or PostgresErrorCodes.DuplicateTable)
            {
                // Reads of that day already in the default partition (or another instance was first): they stay where they are.
                LogDayNotCreated(logger, day, e.SqlState);
            }
        }
    }

    /// <returns>How many reads went with the dropped days.</returns>
    public async Task<int> DropBeforeAsync(long cutoffMs, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return 0;
        }

        var dropped = 0L;
        foreach (var name in (await NamesAsync(ct)).Order(StringComparer.Ordinal))
        {
            if (!DateOnly.TryParseExact(name.AsSpan(Prefix.Length), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                || Start(day.AddDays(1)) > cutoffMs)
            {
                continue;
            }

            dropped += await db.Database.SqlQueryRaw<long>(string.Create(CultureInfo.InvariantCulture, $"SELECT count(*) AS \"Value\" FROM {name}"))
                .SingleAsync(ct);
            await db.Database.ExecuteSqlRawAsync(string.Create(CultureInfo.InvariantCulture, $"DROP TABLE {name}"), ct);
        }

        return (int)dropped;
    }

    private async Task<HashSet<string>> NamesAsync(CancellationToken ct) =>
    [
        .. await db.Database.SqlQueryRaw<string>("""
            SELECT c.relname AS "Value" FROM pg_inherits i
            JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
            WHERE p.relname = 'anpr_reads' AND c.relname <> 'anpr_reads_default'
            """).ToListAsync(ct),
    ];

    private static string Name(DateOnly day) => Prefix + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static long Start(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();

    [LoggerMessage(Level = LogLevel.Warning, Message = "ANPR reads partition for {Day} not created ({SqlState}); its reads stay in the default partition")]
    private static partial void LogDayNotCreated(ILogger logger, DateOnly day, string sqlState);
}

using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Core.Retention;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Retention;
using Senningen.Node.Features.Operations.Data;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Retention;

/// <summary>
/// The positions purge on PostgreSQL reads the fixes before the cutoff through the index on their time, not the whole
/// table: EXPLAIN of the statement EF makes of the purge's query, over 60 000 fixes of which a few hundred are due.
/// </summary>
public sealed partial class PositionsPurgeIndexTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PositionsPurge_OnPostgres_ScansTheTimeIndex_AndRemovesTheOldestDueFirst()
    {
        await using var node = await TestNode.StartAsync(Store.Postgres);
        var now = DateTimeOffset.UtcNow;
        // 60 000 fixes over 200 days, the oldest 300 older than the cutoff.
        var nowMs = now.ToUnixTimeMilliseconds();
        await QueryAsync(node, async db =>
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO ops_fixes ("OperationId", "Unit", "TimeMs", "Lat", "Lon", "ReceivedAtMs")
                SELECT md5((x % 50)::text)::uuid, 'BE-P' || (x % 7), {nowMs} - x::bigint * 288000, 51.4, 4.7, 0
                FROM generate_series(1, 60000) x
                """, Ct);
            return await db.Database.ExecuteSqlRawAsync("ANALYZE ops_fixes", Ct);
        });
        var cutoff = now.AddMilliseconds(-(60_000 - 300) * 288_000L);

        var plan = await QueryAsync(node, async db =>
        {
            var (ids, cases, operations) = (new List<Guid>(), new List<string>(), db.Operations);
            // The purge's query as UnitPositionRetention writes it.
            var due = db.UnitFixes
                .Where(f => f.Time < cutoff && !ids.Contains(f.OperationId)
                    && !operations.Any(o => o.Id == f.OperationId && o.CaseReference != null && cases.Contains(o.CaseReference)))
                .OrderBy(f => f.Time).Take(100).Select(f => f.Id);
            var sql = Inline(db.UnitFixes.Where(f => due.Contains(f.Id)).ToQueryString());
            TestContext.Current.TestOutputHelper?.WriteLine(sql);
            return await ExplainAsync(db, sql);
        });
        TestContext.Current.TestOutputHelper?.WriteLine(plan);

        plan.ShouldContain("IX_ops_fixes_TimeMs");
        plan.ShouldNotContain("Seq Scan on ops_fixes");
        var removed = await QueryAsync(node, async db =>
        {
            await using var scope = node.Services.CreateAsyncScope();
            var target = scope.ServiceProvider.GetServices<IRetentionTarget>().Single(t => t.Kind == RetentionKinds.UnitPosition);
            return await target.ApplyAsync(new RetentionChunk(cutoff, 100, RetentionHoldSet.None), Ct);
        });
        removed.ShouldBe(100);
        var oldestLeft = await QueryAsync(node, db => db.UnitFixes.MinAsync(f => f.Time, Ct));
        oldestLeft.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds() - (60_000 - 100) * 288_000L));
    }

    private static async Task<string> ExplainAsync(SenningenDbContext db, string sql)
    {
        await db.Database.OpenConnectionAsync(Ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN " + sql;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var lines = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    /// <summary>ToQueryString's parameters (its leading <c>-- @name='value'</c> lines) written into the statement as literals.</summary>
    private static string Inline(string query)
    {
        var lines = query.Split('\n');
        var sql = string.Join('\n', lines.Where(l => !l.StartsWith("--", StringComparison.Ordinal)));
        foreach (var match in lines.Select(l => Parameter().Match(l)).Where(m => m.Success).OrderByDescending(m => m.Groups[1].Length))
        {
            var value = match.Groups[2].Value.Trim();
            var literal = value.StartsWith('{')
                ? "'{" + string.Join(',', value.Trim('{', '}').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => v.Trim('\''))) + "}'"
                : value.StartsWith('\'') ? value : "'" + value + "'";
            sql = sql.Replace("@" + match.Groups[1].Value, literal, StringComparison.Ordinal);
        }

        return sql.Trim().TrimEnd(';');
    }

    // Untyped literals: PostgreSQL gives each the type of what it is compared with.
    [GeneratedRegex(@"^-- @(\w+)=(.*?)(\s*\((DbType|NpgsqlDbType)[^)]*\))?\s*$")]
    private static partial Regex Parameter();
}

using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Senningen.Bench.Exchange;
using Senningen.Core.Anpr;
using Senningen.Core.Tests.Anpr;
using Senningen.Node.Common.Persistence;

namespace Senningen.Bench.AnprIngest;

/// <summary>
/// Stored reads for the history query: N reads of a fleet of N / 20 vehicles (each seen about 20 times) at 2,000
/// cameras, spread evenly over the last 30 days; and the queries (by canonical key and period, by camera and period),
/// drawn once so both stores answer the same ones.
/// </summary>
internal sealed class History
{
    public const int Cameras = 2_000;
    private const long Day = 86_400_000;

    private readonly string[] _plates;
    private readonly string[] _keys;
    private readonly long _from;
    private readonly long _to;

    public History(int reads, int seed, DateTimeOffset now)
    {
        Reads = reads;
        var corpus = new PlateCorpus(seed + 7);
        var vehicles = Math.Max(1_000, reads / 20);
        _plates = new string[vehicles];
        _keys = new string[vehicles];
        for (var i = 0; i < vehicles; i++)
        {
            var plate = Plate.Parse(corpus.Next());
            (_plates[i], _keys[i]) = (plate.Text, plate.Key.ToString());
        }

        (_from, _to) = (now.ToUnixTimeMilliseconds() - (30 * Day), now.ToUnixTimeMilliseconds());
        Seed = seed;
    }

    public int Reads { get; }

    private int Seed { get; }

    public static string Camera(int i) => $"HC-{i:0000}";

    /// <summary>The rows, the same sequence every time: (camera, plate, key, observed).</summary>
    public IEnumerable<(string Camera, string Plate, string Key, long ObservedAtMs)> Rows()
    {
        var random = new Random(Seed);
        var cameras = Enumerable.Range(0, Cameras).Select(Camera).ToArray();
        for (var r = 0; r < Reads; r++)
        {
            var v = random.Next(_plates.Length);
            yield return (cameras[random.Next(Cameras)], _plates[v], _keys[v], _from + random.NextInt64(_to - _from));
        }
    }

    /// <summary>Plate queries: a stored vehicle's key over a random period of 1 to 7 days within the 30.</summary>
    public List<(string Key, long From, long To)> PlateQueries(int count)
    {
        var random = new Random(Seed + 1);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var length = (1 + random.Next(7)) * Day;
            var from = _from + random.NextInt64(_to - _from - length);
            return (_keys[random.Next(_keys.Length)], from, from + length);
        })];
    }

    /// <summary>Camera queries: one camera over a random hour.</summary>
    public List<(string Camera, long From, long To)> CameraQueries(int count)
    {
        var random = new Random(Seed + 2);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var from = _from + random.NextInt64(_to - _from - (Day / 24));
            return (Camera(random.Next(Cameras)), from, from + (Day / 24));
        })];
    }

    /// <summary>
    /// Setup, not measured: writes the rows straight into the node's SQLite file (prepared INSERT, 200 k rows per
    /// transaction) with the table's indexes dropped, then recreates them from their own DDL.
    /// </summary>
    public async Task<double> FillSqliteAsync(string file, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync(ct);
        var indexes = new List<(string Name, string Sql)>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'anpr_reads' AND sql IS NOT NULL";
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        await ExecAsync(connection, string.Concat(indexes.Select(i => $"DROP INDEX \"{i.Name}\";")), ct);
        await ExecAsync(connection, "PRAGMA busy_timeout = 10000; PRAGMA synchronous = OFF; PRAGMA cache_size = -200000;", ct);
        var received = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        var transaction = connection.BeginTransaction();
        var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO anpr_reads ("CameraId", "Plate", "CanonicalKey", "Confidence", "ObservedAtMs", "ReceivedAtMs")
            VALUES ($c, $p, $k, 0.9, $o, $r)
            """;
        var (c, p, k, o, r) = (insert.Parameters.Add("$c", SqliteType.Text), insert.Parameters.Add("$p", SqliteType.Text),
            insert.Parameters.Add("$k", SqliteType.Text), insert.Parameters.Add("$o", SqliteType.Integer), insert.Parameters.Add("$r", SqliteType.Integer));
        r.Value = received;
        insert.Transaction = transaction;
        insert.Prepare();
        var n = 0;
        foreach (var row in Rows())
        {
            (c.Value, p.Value, k.Value, o.Value) = (row.Camera, row.Plate, row.Key, row.ObservedAtMs);
            insert.ExecuteNonQuery();
            if (++n % 200_000 == 0)
            {
                transaction.Commit();
                transaction.Dispose();
                transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
                ct.ThrowIfCancellationRequested();
            }
        }

        transaction.Commit();
        transaction.Dispose();
        insert.Dispose();
        foreach (var index in indexes)
        {
            await ExecAsync(connection, index.Sql, ct);
        }

        await ExecAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);", ct);
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>The query shape the history search will use, through the node's own EF Core context, a fresh scope per query as a request has.</summary>
    public static async Task<HistoryFigures> QuerySqliteAsync(IServiceProvider node, List<(string Key, long From, long To)> plates,
        List<(string Camera, long From, long To)> cameras, CancellationToken ct)
    {
        async Task<int> ByKeyAsync((string Key, long From, long To) q)
        {
            await using var scope = node.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
            return (await db.AnprReads.AsNoTracking()
                .Where(r => r.CanonicalKey == q.Key && r.ObservedAtMs >= q.From && r.ObservedAtMs <= q.To)
                .OrderByDescending(r => r.ObservedAtMs).Take(1000).ToListAsync(ct)).Count;
        }

        async Task<int> ByCameraAsync((string Camera, long From, long To) q)
        {
            await using var scope = node.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
            return (await db.AnprReads.AsNoTracking()
                .Where(r => r.CameraId == q.Camera && r.ObservedAtMs >= q.From && r.ObservedAtMs <= q.To)
                .OrderByDescending(r => r.ObservedAtMs).Take(1000).ToListAsync(ct)).Count;
        }

        return new HistoryFigures(await TimeAsync(plates, ByKeyAsync), await TimeAsync(cameras, ByCameraAsync), "");
    }

    /// <summary>Setup on PostgreSQL: the same rows by binary COPY into <c>reads</c> (indexes built after), then ANALYZE.</summary>
    public async Task<double> FillPostgresAsync(NpgsqlDataSource source, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await using (var drop = source.CreateCommand("DROP INDEX IF EXISTS reads_key_time; DROP INDEX IF EXISTS reads_camera_time; TRUNCATE reads"))
        {
            await drop.ExecuteNonQueryAsync(ct);
        }

        await using (var connection = await source.OpenConnectionAsync(ct))
        {
            var received = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
            await using var copy = await connection.BeginBinaryImportAsync(
                "COPY reads (camera_id, plate, canonical_key, confidence, observed_at_ms, received_at_ms) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var row in Rows())
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(row.Camera, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(row.Plate, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(row.Key, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(0.9, NpgsqlDbType.Double, ct);
                await copy.WriteAsync(row.ObservedAtMs, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(received, NpgsqlDbType.Bigint, ct);
            }

            await copy.CompleteAsync(ct);
        }

        await using (var index = source.CreateCommand(
            "CREATE INDEX reads_key_time ON reads (canonical_key, observed_at_ms); CREATE INDEX reads_camera_time ON reads (camera_id, observed_at_ms); ANALYZE reads"))
        {
            index.CommandTimeout = 3600;
            await index.ExecuteNonQueryAsync(ct);
        }

        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>The same SQL on PostgreSQL, prepared, one pooled connection per query.</summary>
    public static async Task<HistoryFigures> QueryPostgresAsync(NpgsqlDataSource source, List<(string Key, long From, long To)> plates,
        List<(string Camera, long From, long To)> cameras, CancellationToken ct)
    {
        async Task<int> RunAsync(string column, string value, long from, long to)
        {
            await using var connection = await source.OpenConnectionAsync(ct);
            await using var command = new NpgsqlCommand($"""
                SELECT id, camera_id, plate, canonical_key, confidence, observed_at_ms, received_at_ms FROM reads
                WHERE {column} = $1 AND observed_at_ms BETWEEN $2 AND $3 ORDER BY observed_at_ms DESC LIMIT 1000
                """, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = value });
            command.Parameters.Add(new NpgsqlParameter { Value = from });
            command.Parameters.Add(new NpgsqlParameter { Value = to });
            await command.PrepareAsync(ct);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var n = 0;
            while (await reader.ReadAsync(ct))
            {
                n++;
            }

            return n;
        }

        return new HistoryFigures(await TimeAsync(plates, q => RunAsync("canonical_key", q.Key, q.From, q.To)),
            await TimeAsync(cameras, q => RunAsync("camera_id", q.Camera, q.From, q.To)), "");
    }

    private static async Task<QueryFigures> TimeAsync<T>(List<T> queries, Func<T, Task<int>> run)
    {
        // A tenth of the queries first, untimed: JIT, statement cache, pool.
        foreach (var q in queries.Take(Math.Max(1, queries.Count / 10)))
        {
            await run(q);
        }

        var ms = new List<double>(queries.Count);
        var rows = 0L;
        foreach (var q in queries)
        {
            var started = Stopwatch.GetTimestamp();
            rows += await run(q);
            ms.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return new QueryFigures(queries.Count, Math.Round(rows / (double)queries.Count, 1), Latencies.Of(ms));
    }

    private static async Task ExecAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        if (sql.Length == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 3600;
        await command.ExecuteNonQueryAsync(ct);
    }
}

internal sealed record QueryFigures(int Queries, double MeanRows, Latencies Latency);

internal sealed record HistoryFigures(QueryFigures ByPlate, QueryFigures ByCamera, string Note);

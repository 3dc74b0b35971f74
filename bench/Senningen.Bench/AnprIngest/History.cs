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
using Senningen.Node.Features.Anpr.History;

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
        long before;
        await using (var max = connection.CreateCommand())
        {
            // Reads the throughput passes ingested are in the node's runs already.
            max.CommandText = """SELECT coalesce(max("Id"), 0) FROM anpr_reads""";
            before = (long)(await max.ExecuteScalarAsync(ct))!;
        }

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

        await BuildRunsAsync(connection, before + 1, ct);

        await ExecAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);", ct);
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>
    /// The node's runs over the filled reads (ADR 0012) as its merges would have left them after ingesting that many
    /// reads one by one: the count of first-level runs (8,192 reads) written in base 16, one run per unit of each digit,
    /// the largest and oldest first (10 M reads: 4 runs of 2.1 M reads, 12 of 131 k, 4 of 8 k and the remainder).
    /// Each run's entries are inserted in key order, as a merge writes them.
    /// </summary>
    private static async Task BuildRunsAsync(SqliteConnection connection, long first, CancellationToken ct)
    {
        const long RunReads = 8_192, FanIn = 16;
        long last;
        await using (var range = connection.CreateCommand())
        {
            range.CommandText = """SELECT max("Id") FROM anpr_reads""";
            last = (long)(await range.ExecuteScalarAsync(ct))!;
        }

        var sizes = new List<long>();
        var units = (last - first + 1) / RunReads;
        for (var size = RunReads; units > 0; units /= FanIn, size *= FanIn)
        {
            sizes.AddRange(Enumerable.Repeat(size, (int)(units % FanIn)));
        }

        sizes.Reverse();
        sizes.Add(last - first + 1 - sizes.Sum());
        var from = first;
        for (var i = 0; i < sizes.Count; i++)
        {
            var to = from + sizes[i] - 1;
            // All live: the node's own open run (from the throughput passes) stays the only open one.
            const int state = 1;
            await ExecAsync(connection, $"""
                INSERT INTO anpr_read_runs ("State", "Entries", "FromMs", "ToMs")
                SELECT {state}, 2 * count(*), coalesce(min("ObservedAtMs"), 0), coalesce(max("ObservedAtMs"), 0) FROM anpr_reads WHERE "Id" BETWEEN {from} AND {to};
                INSERT INTO anpr_read_terms ("Run", "Term", "ObservedAtMs", "ReadId")
                SELECT last_insert_rowid(), 'k' || "CanonicalKey", "ObservedAtMs", "Id" FROM anpr_reads WHERE "Id" BETWEEN {from} AND {to}
                UNION ALL SELECT last_insert_rowid(), 'c' || "CameraId", "ObservedAtMs", "Id" FROM anpr_reads WHERE "Id" BETWEEN {from} AND {to}
                ORDER BY 2, 3, 4;
                """, ct);
            from = to + 1;
        }
    }

    /// <summary>
    /// The history search's own lookup (<c>ReadHistory.FindAsync</c>: on SQLite through the runs), through the node's
    /// EF Core context, a fresh scope per query as a request has; without the legal checks and the audit entry.
    /// </summary>
    public static async Task<HistoryFigures> QuerySqliteAsync(IServiceProvider node, List<(string Key, long From, long To)> plates,
        List<(string Camera, long From, long To)> cameras, CancellationToken ct)
    {
        async Task<int> ByKeyAsync((string Key, long From, long To) q)
        {
            await using var scope = node.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
            return (await ReadHistory.FindAsync(db, q.Key, null, q.From, q.To + 1, 1000, ct)).Count;
        }

        async Task<int> ByCameraAsync((string Camera, long From, long To) q)
        {
            await using var scope = node.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
            return (await ReadHistory.FindAsync(db, null, q.Camera, q.From, q.To + 1, 1000, ct)).Count;
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

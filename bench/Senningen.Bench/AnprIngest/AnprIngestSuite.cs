using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Senningen.Bench.Exchange;
using Senningen.Contracts.Anpr;
using Senningen.Core.Anpr;
using Senningen.Node.Common.Live;
using Senningen.Testing;

namespace Senningen.Bench.AnprIngest;

/// <summary>
/// The <c>anpr-ingest</c> suite, a load driver: reads over HTTP into a real BE node on SQLite (closed-loop throughput,
/// read-to-hit latency at an offered rate), the history query over N stored reads; and, as the peer, PostgreSQL doing the
/// same ingest with the match in SQL and the same history query.
/// </summary>
internal static class AnprIngestSuite
{
    private const double ThroughputFloor = 50_000;
    private const double ReadToHitFloorMs = 200;
    private const double HistoryFloorMs = 20;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static async Task<int> RunAsync(string[] args, string resultPath)
    {
        var o = IngestOptions.Parse(args);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(40));
        var ct = cancel.Token;
        Say($"anpr-ingest: hotlist {o.Hotlist}, {o.Clients} clients x batches of {o.Batch} for {o.Seconds} s after {o.Warmup} s; " +
            $"{o.Rate}/s in batches of {o.RateBatch} for {o.LatencySeconds} s; history over {o.HistoryReads} reads, {o.Queries} queries each");
        var data = IngestData.Generate(o.Hotlist, 200_000, 20, o.Seed);
        var history = new History(o.HistoryReads, o.Seed, TimeProvider.System.GetUtcNow());

        Side sqlite;
        await using (var node = await NodeIngest.StartAsync(data, ct))
        {
            sqlite = await SideAsync("SQLite node", node, data, o, async () =>
            {
                Say($"history: filling the node's SQLite file with {o.HistoryReads} reads (setup, not measured)");
                var fill = await history.FillSqliteAsync(node.DatabaseFile, ct);
                Say($"history: filled in {fill:0} s");
                var figures = await History.QuerySqliteAsync(node.Node.Services, history.PlateQueries(o.Queries), history.CameraQueries(o.Queries), ct);
                return figures with { Note = $"{o.HistoryReads} reads written straight into the node's file in {fill:0} s (setup); queried through the node's EF Core context" };
            }, ct);
        }

        Side? postgres = null;
        Side? postgresNode = null;
        string postgresNote;
        string? postgresNodeNote = null;
        if (Infrastructure.PostgresConnectionString is null)
        {
            postgresNote = $"skipped: {Infrastructure.PostgresVariable} is not set";
            Say($"postgresql: {postgresNote}");
        }
        else
        {
            await using (var node = await NodeIngest.StartAsync(data, ct, Store.Postgres, o.Instances))
            {
                postgresNodeNote = node.Deployment + "; the same driver through the node's front; history is not repeated here (see the SQLite node and plain PostgreSQL)";
                Say($"PostgreSQL node: {node.Deployment}");
                postgresNode = await SideAsync("PostgreSQL node", node, data, o, null, ct);
            }

            // A fresh database on the server; the directory is only used by SQLite test databases.
            await using var peer = await PostgresIngest.StartAsync(data, Path.GetTempPath(), ct);
            postgres = await SideAsync("PostgreSQL", peer, data, o, async () =>
            {
                Say($"history: filling PostgreSQL with {o.HistoryReads} reads by binary COPY (setup, not measured)");
                var fill = await history.FillPostgresAsync(peer.Source, ct);
                Say($"history: filled in {fill:0} s");
                var figures = await History.QueryPostgresAsync(peer.Source, history.PlateQueries(o.Queries), history.CameraQueries(o.Queries), ct);
                return figures with { Note = $"the same {o.HistoryReads} reads by binary COPY in {fill:0} s, indexes built after, ANALYZE (setup)" };
            }, ct);
            postgresNote = "a fresh database; the gateway keys each read with Core's Plate and writes each batch by binary COPY into a staging table, " +
                "then one statement moves it into reads and inserts the hits joined on the canonical key; no HTTP; read-to-hit is to the commit that returned the hit";
        }

        var ratios = postgres is null ? null : new Ratios(
            Ratio(sqlite.Throughput.ReadsPerSecond, postgres.Throughput.ReadsPerSecond),
            Ratio(sqlite.Throughput.Batch.P99Ms, postgres.Throughput.Batch.P99Ms),
            Ratio(sqlite.Latency.ReadToHit.P50Ms, postgres.Latency.ReadToHit.P50Ms),
            Ratio(sqlite.Latency.ReadToHit.P99Ms, postgres.Latency.ReadToHit.P99Ms),
            Ratio(sqlite.History!.ByPlate.Latency.P99Ms, postgres.History!.ByPlate.Latency.P99Ms),
            Ratio(sqlite.History!.ByCamera.Latency.P99Ms, postgres.History!.ByCamera.Latency.P99Ms));
        var floors = new Floors(
            new Floor($"reads/s sustained, {o.Clients} clients x batches of {o.Batch} over HTTP", ThroughputFloor, sqlite.Throughput.ReadsPerSecond,
                sqlite.Throughput.ReadsPerSecond >= ThroughputFloor),
            new Floor($"p99 read-to-hit-on-console ms at {o.Rate} reads/s (from the schedule)", ReadToHitFloorMs, sqlite.Latency.ReadToHitFromSchedule.P99Ms,
                sqlite.Latency.ProbesHit == sqlite.Latency.Probes && sqlite.Latency.ReadToHitFromSchedule.P99Ms < ReadToHitFloorMs),
            new Floor($"p99 history query ms by plate and period over {o.HistoryReads} stored reads", HistoryFloorMs, sqlite.History!.ByPlate.Latency.P99Ms,
                sqlite.History.ByPlate.Latency.P99Ms < HistoryFloorMs),
            postgresNode is null ? null : new Floor($"PostgreSQL node: reads/s sustained, {o.Clients} clients x batches of {o.Batch} over HTTP", ThroughputFloor,
                postgresNode.Throughput.ReadsPerSecond, postgresNode.Throughput.ReadsPerSecond >= ThroughputFloor),
            postgresNode is null ? null : new Floor($"PostgreSQL node: p99 read-to-hit-on-console ms at {o.Rate} reads/s (from the schedule)", ReadToHitFloorMs,
                postgresNode.Latency.ReadToHitFromSchedule.P99Ms,
                postgresNode.Latency.ProbesHit == postgresNode.Latency.Probes && postgresNode.Latency.ReadToHitFromSchedule.P99Ms < ReadToHitFloorMs));
        Say($"floors: throughput {Met(floors.Throughput)}, read-to-hit {Met(floors.ReadToHit)}, history {Met(floors.History)}");
        if (floors.PostgresNodeThroughput is not null && floors.PostgresNodeReadToHit is not null)
        {
            Say($"floors, PostgreSQL node: throughput {Met(floors.PostgresNodeThroughput)}, read-to-hit {Met(floors.PostgresNodeReadToHit)}");
        }

        var nodeRatios = postgresNode is null ? null : new NodeRatios(
            Ratio(sqlite.Throughput.ReadsPerSecond, postgresNode.Throughput.ReadsPerSecond),
            Ratio(sqlite.Throughput.Batch.P99Ms, postgresNode.Throughput.Batch.P99Ms),
            Ratio(sqlite.Latency.ReadToHit.P50Ms, postgresNode.Latency.ReadToHit.P50Ms),
            Ratio(sqlite.Latency.ReadToHit.P99Ms, postgresNode.Latency.ReadToHit.P99Ms));
        if (ratios is not null)
        {
            Say($"ratios SQLite node / PostgreSQL: reads/s {ratios.ReadsPerSecond}, batch p99 {ratios.BatchP99}, read-to-hit p99 {ratios.ReadToHitP99}, history by plate p99 {ratios.HistoryByPlateP99}");
        }

        var result = new SuiteResult("anpr-ingest", TimeProvider.System.GetUtcNow(),
            new Machine(RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, Environment.ProcessorCount,
                "shared, noisy 2-core VM; every node instance and the driver in this process, PostgreSQL and nginx in their own, all on loopback", LoadAverage()),
            o, Units, sqlite, postgresNode, postgresNodeNote, postgres, postgresNote, ratios, nodeRatios, floors);
        Directory.CreateDirectory(Path.GetDirectoryName(resultPath)!);
        await File.WriteAllTextAsync(resultPath, JsonSerializer.Serialize(result, Json) + "\n", ct);
        Say($"wrote {resultPath}");
        return 0;
    }

    private const string Units =
        "readsPerSecond: reads accepted per second over the measured window; batch: milliseconds from a batch's send to its answer; " +
        "readToHit: milliseconds from the send of the batch carrying a listed plate to the hit read back after the node's ChangeFeed<HitsChanged> (SQLite node) " +
        "or to the commit that returned the hit (PostgreSQL); fromSchedule: from the batch's slot in the open-loop schedule; history: milliseconds per " +
        "query; processCpuShare: this process's CPU over the window / all cores (node and driver; PostgreSQL runs in its own processes); " +
        "ratios: SQLite node / PostgreSQL (above 1: the node is slower, or for readsPerSecond faster)";

    private static async Task<Side> SideAsync(string name, IIngestTarget target, IngestData data, IngestOptions o,
        Func<Task<HistoryFigures>>? history, CancellationToken ct)
    {
        var random = new Random(o.Seed + 3);
        var observedAt = TimeProvider.System.GetUtcNow().AddMinutes(-1);
        var batches = Enumerable.Range(0, 64).Select(_ => NodeIngest.Prepare(data.Batch(random, o.Batch, observedAt))).ToList();
        var throughput = await IngestDriver.ClosedLoopAsync(target, batches, o.Clients, o.Warmup, o.Seconds, ct);
        Say($"{name}: {throughput.ReadsPerSecond:0} reads/s accepted ({throughput.Accepted} in {throughput.Seconds} s, {throughput.FailedBatches} failed batches); " +
            $"batch {throughput.Batch}; process CPU {throughput.ProcessCpuShare:P0} of the machine");

        var latency = await LatencyAsync(name, target, data, o, ct);
        var profile = target is NodeIngest { Node.Store: Store.Sqlite } node && o.ProfileSeconds > 0 ? await ProfileAsync(node, batches, o, ct) : null;
        var figures = history is null ? null : await history();
        if (figures is not null)
        {
            Say($"{name}: history by plate {figures.ByPlate.Latency} ({figures.ByPlate.MeanRows} rows/query); by camera {figures.ByCamera.Latency} ({figures.ByCamera.MeanRows} rows/query)");
        }

        return new Side(throughput, latency, figures, profile);
    }

    /// <summary>
    /// A separate closed-loop pass with <see cref="IngestProfile"/> listening (not part of the figures), and the steps the
    /// node does per batch outside the database timed on their own in this process: the body's JSON, plate parsing.
    /// </summary>
    private static async Task<Profile> ProfileAsync(NodeIngest node, List<PreparedBatch> batches, IngestOptions o, CancellationToken ct)
    {
        var json = node.Node.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        ThroughputFigures run;
        using (var profile = new IngestProfile())
        {
            run = await IngestDriver.ClosedLoopAsync(node, batches, o.Clients, 1, o.ProfileSeconds, ct);
            var batchesRun = run.Batch.Count;
            for (var i = 0; i < 20; i++)
            {
                var t = Stopwatch.GetTimestamp();
                _ = JsonSerializer.Deserialize<List<PlateReadInput?>>(batches[i].Body, json);
                profile.Add($"isolated: JSON body of {o.Batch} reads deserialised (node options)", Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                t = Stopwatch.GetTimestamp();
                foreach (var read in batches[i].Reads)
                {
                    _ = Plate.TryParse(read.Plate, out _);
                }

                profile.Add($"isolated: {o.Batch} plates parsed and keyed (Plate.TryParse)", Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }

            await IsolatedInsertsAsync(node.DatabaseFile, batches, profile, ct);
            var entries = profile.Entries();
            Say($"profile: {run.ReadsPerSecond:0} reads/s over {run.Seconds} s, {batchesRun} batches, process CPU {run.ProcessCpuShare:P0} of the machine");
            foreach (var e in entries)
            {
                Say($"  {e.What,-72} {e.Count,7} calls {e.TotalMs,10:0.0} ms {e.MeanMs,9:0.000} ms/call");
            }

            return new Profile(run.Seconds, batchesRun, run.ReadsPerSecond, run.ProcessCpuShare, entries);
        }
    }

    private static async Task<LatencyFigures> LatencyAsync(string name, IIngestTarget target, IngestData data, IngestOptions o, CancellationToken ct)
    {
        var random = new Random(o.Seed + 4);
        var node = target as NodeIngest;
        await using var watch = node is null ? null : new HitWatch(node.Node.Services);
        var probeEvery = Math.Max(1, (int)Math.Round(o.ProbeEveryMs / 1000.0 * o.Rate / o.RateBatch));
        var probes = 0;
        PreparedBatch BatchAt(int i)
        {
            var reads = data.Batch(random, o.RateBatch, TimeProvider.System.GetUtcNow().AddMilliseconds(-200), 0);
            if (i % probeEvery != probeEvery / 2 || probes >= IngestData.ProbeCount)
            {
                return NodeIngest.Prepare(reads);
            }

            var probe = data.Listed[probes++].Text;
            reads[random.Next(reads.Length)] = IngestData.Read(data.Cameras[0], probe, TimeProvider.System.GetUtcNow().AddMilliseconds(-200));
            return NodeIngest.Prepare(reads, probe);
        }

        // A short run first at the same rate, untimed: the pacing, pools and the hit path warm.
        var warm = await IngestDriver.OpenLoopAsync(target, BatchAt, o.Rate, o.RateBatch, Math.Min(5, o.LatencySeconds), ct);
        var sent = await IngestDriver.OpenLoopAsync(target, BatchAt, o.Rate, o.RateBatch, o.LatencySeconds, ct);
        var probeBatches = sent.Where(s => s.Probe is not null).ToList();
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        if (watch is not null)
        {
            await watch.WaitForAsync([.. probeBatches.Select(p => p.Probe!)], TimeSpan.FromSeconds(10), ct);
            foreach (var p in probeBatches.Where(p => watch.Seen.ContainsKey(p.Probe!)))
            {
                seen[p.Probe!] = watch.Seen[p.Probe!];
            }
        }
        else
        {
            foreach (var p in probeBatches.Where(p => p.Outcome.ProbeHit))
            {
                seen[p.Probe!] = p.Done;
            }
        }

        var hit = probeBatches.Where(p => seen.ContainsKey(p.Probe!)).ToList();
        var ok = sent.Where(s => !s.Outcome.Failed).ToList();
        var figures = new LatencyFigures(o.Rate, o.RateBatch, o.LatencySeconds, probeBatches.Count, hit.Count,
            Latencies.Of([.. hit.Select(p => Ms(p.At, seen[p.Probe!]))]), Latencies.Of([.. hit.Select(p => Ms(p.Due, seen[p.Probe!]))]),
            Latencies.Of([.. ok.Select(s => Ms(s.At, s.Done))]), sent.Count - ok.Count,
            $"{warm.Count} batches untimed first; one listed plate every {probeEvery} batches, each plate once");
        Say($"{name}: {figures.ProbesHit}/{figures.Probes} probes hit; read-to-hit {figures.ReadToHit}; from schedule {figures.ReadToHitFromSchedule}; batch {figures.Batch}; {figures.FailedBatches} failed");
        return figures;
    }

    /// <summary>
    /// SQLite's own share, with the node idle: 10 batches of reads written on a connection of this process straight into
    /// the node's file (one statement per read, one transaction), into a scratch copy of <c>anpr_reads</c> carrying the
    /// two indexes the runs replaced (ADR 0012) and into a copy without them, as the table now is; the statements and the
    /// commit timed apart. The runs' own entries are not part of this comparison; the profile above has them.
    /// </summary>
    private static async Task IsolatedInsertsAsync(string file, List<PreparedBatch> batches, IngestProfile profile, CancellationToken ct)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync(ct);
        await using (var setup = connection.CreateCommand())
        {
            setup.CommandText = """
                PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;
                DROP TABLE IF EXISTS bench_reads_plain; CREATE TABLE bench_reads_plain AS SELECT * FROM anpr_reads;
                DROP TABLE IF EXISTS bench_reads_indexed; CREATE TABLE bench_reads_indexed AS SELECT * FROM anpr_reads;
                CREATE INDEX bench_reads_key ON bench_reads_indexed ("CanonicalKey", "ObservedAtMs");
                CREATE INDEX bench_reads_camera ON bench_reads_indexed ("CameraId", "ObservedAtMs");
                """;
            await setup.ExecuteNonQueryAsync(ct);
        }

        foreach (var table in (string[])["bench_reads_indexed", "bench_reads_plain"])
        {
            var label = table == "bench_reads_indexed" ? "a copy of anpr_reads with the 2 indexes the runs replaced" : "a copy without secondary indexes (as anpr_reads now is)";
            for (var b = 0; b < 10; b++)
            {
                var rows = batches[b].Reads.Select(r => (r.CameraId, Plate: Plate.Parse(r.Plate!), At: r.ObservedAt!.Value.ToUnixTimeMilliseconds())).ToList();
                var t = Stopwatch.GetTimestamp();
                await using var transaction = connection.BeginTransaction();
                await using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = $"INSERT INTO {table} (\"CameraId\", \"Plate\", \"CanonicalKey\", \"Confidence\", \"ObservedAtMs\", \"ReceivedAtMs\") VALUES ($c, $p, $k, 0.9, $o, 0)";
                var (c, p, k, o) = (insert.Parameters.Add("$c", Microsoft.Data.Sqlite.SqliteType.Text), insert.Parameters.Add("$p", Microsoft.Data.Sqlite.SqliteType.Text),
                    insert.Parameters.Add("$k", Microsoft.Data.Sqlite.SqliteType.Text), insert.Parameters.Add("$o", Microsoft.Data.Sqlite.SqliteType.Integer));
                foreach (var row in rows)
                {
                    (c.Value, p.Value, k.Value, o.Value) = (row.CameraId, row.Plate.Text, row.Plate.Key.ToString(), row.At);
                    await insert.ExecuteNonQueryAsync(ct);
                }

                profile.Add($"isolated: {batches[b].Reads.Length} INSERTs into {label}", Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                t = Stopwatch.GetTimestamp();
                await transaction.CommitAsync(ct);
                profile.Add($"isolated: COMMIT of those into {label}", Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        }

        await using var drop = connection.CreateCommand();
        drop.CommandText = "DROP TABLE bench_reads_plain; DROP TABLE bench_reads_indexed;";
        await drop.ExecuteNonQueryAsync(ct);
    }

    private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    private static double Ratio(double a, double b) => Math.Round(a / b, 4);

    private static string Met(Floor f) => $"{f.Measured} vs {f.Bound} {(f.Met ? "met" : "NOT met")}";

    private static void Say(string line) => Console.WriteLine(line);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private sealed record Side(ThroughputFigures Throughput, LatencyFigures Latency, HistoryFigures? History, Profile? Profile);

    private sealed record Profile(double Seconds, int Batches, double ReadsPerSecond, double ProcessCpuShare, IReadOnlyList<ProfileEntry> Entries);

    private sealed record SuiteResult(string Suite, DateTimeOffset RanAt, Machine Machine, IngestOptions Parameters, string Units, Side Sqlite,
        Side? PostgresNode, string? PostgresNodeNote, Side? Postgres, string PostgresNote, Ratios? Ratios, NodeRatios? SqliteNodeOverPostgresNode,
        Floors Floors);

    private sealed record NodeRatios(double ReadsPerSecond, double BatchP99, double ReadToHitP50, double ReadToHitP99);

    private sealed record Machine(string Os, string Runtime, int Cores, string Note, string LoadAverage);

    private sealed record Ratios(double ReadsPerSecond, double BatchP99, double ReadToHitP50, double ReadToHitP99, double HistoryByPlateP99,
        double HistoryByCameraP99);

    private sealed record Floor(string What, double Bound, double Measured, bool Met);

    private sealed record Floors(Floor Throughput, Floor ReadToHit, Floor History, Floor? PostgresNodeThroughput, Floor? PostgresNodeReadToHit);
}

/// <summary>
/// Command-line knobs: --hotlist (100000), --clients (4), --batch (1000), --seconds (30 measured), --warmup (10),
/// --rate (5000 reads/s), --rate-batch (100), --latency-seconds (20), --probe-every-ms (100), --history-reads (10000000),
/// --queries (2000 per shape), --seed (42), --profile-seconds (10; 0 skips the profiled pass), --instances (2: of the node on
/// PostgreSQL, behind nginx when above one).
/// </summary>
internal sealed record IngestOptions(int Hotlist, int Clients, int Batch, int Seconds, int Warmup, int Rate, int RateBatch, int LatencySeconds,
    int ProbeEveryMs, int HistoryReads, int Queries, int Seed, int ProfileSeconds, int Instances)
{
    public static IngestOptions Parse(string[] args)
    {
        var o = new IngestOptions(Read(args, "--hotlist", 100_000), Read(args, "--clients", 4), Read(args, "--batch", 1000), Read(args, "--seconds", 30),
            Read(args, "--warmup", 10), Read(args, "--rate", 5000), Read(args, "--rate-batch", 100), Read(args, "--latency-seconds", 20),
            Read(args, "--probe-every-ms", 100), Read(args, "--history-reads", 10_000_000), Read(args, "--queries", 2000), Read(args, "--seed", 42),
            Read(args, "--profile-seconds", 10), Read(args, "--instances", 2));
        if (o.Hotlist <= IngestData.ProbeCount || o.Clients < 1 || o.Batch < 1 || o.Seconds < 1 || o.Warmup < 0 || o.Rate < 1 || o.RateBatch < 1
            || o.LatencySeconds < 1 || o.HistoryReads < 1000 || o.Queries < 10)
        {
            throw new ArgumentException($"--hotlist must exceed {IngestData.ProbeCount}; sizes and durations positive; --history-reads at least 1000, --queries at least 10.");
        }

        return o;
    }

    private static int Read(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}

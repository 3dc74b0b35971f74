using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Senningen.Core.Audit.Merkle;
using Senningen.Node;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Audit.Tree;
using Senningen.Testing;

namespace Senningen.Bench.Audit;

/// <summary>
/// The audit log on PostgreSQL as issue 16 asks to measure it: appends per second from two node instances on one
/// database (each with its own sequencer, one leading), next to the same inserts into a plain table; the delay from an
/// entry's commit to its integration into the tree; and inclusion-proof time at 10 M entries next to 10 k.
/// </summary>
internal static class AuditTreeSuite
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task<int> RunAsync(string[] args, string output)
    {
        var admin = Text(args, "--postgres") ?? BenchDatabase.PostgresAdmin;
        if (admin is null)
        {
            await Console.Error.WriteLineAsync($"audit needs PostgreSQL: --postgres <admin connection string> or {BenchDatabase.PostgresVariable}.");
            return 2;
        }

        Environment.SetEnvironmentVariable(BenchDatabase.PostgresVariable, admin);
        var writers = (int)Number(args, "--writers", 16);
        var seconds = Number(args, "--seconds", 8);
        var rounds = (int)Number(args, "--rounds", 2);
        var large = (long)Number(args, "--proof-entries", 10_000_000);
        var offered = Number(args, "--rate", 200);
        var server = await ServerAsync(admin);
        Console.WriteLine($"PostgreSQL {server.Version}, fsync={server.Fsync}, synchronous_commit={server.SynchronousCommit}");

        var directory = Directory.CreateTempSubdirectory("senningen-bench-audit-").FullName;
        var appends = new List<AppendRound>();
        IntegrationDelay? delay = null;
        IntegrationDelay? atRate = null;
        await using (var logDb = await BenchDatabase.CreateAsync(BenchStore.Postgres, directory, "log"))
        await using (var plainDb = await BenchDatabase.CreateAsync(BenchStore.Postgres, directory, "plain"))
        {
            // Two instances of one node: one database, one data directory (so one signing key), each its own pools and sequencer.
            await using var first = await StartNodeAsync(logDb, directory);
            await using var second = await StartNodeAsync(logDb, directory);
            var plain = new DbContextOptionsBuilder<PlainAuditContext>().UseNpgsql(plainDb.ConnectionString).Options;
            await using (var db = new PlainAuditContext(plain))
            {
                await db.Database.EnsureCreatedAsync();
            }

            for (var round = 0; round < rounds; round++)
            {
                var peer = Math.Round(await PlainRoundAsync(plain, 2 * writers, seconds), 1);
                var (measured, roundDelay) = await LogRoundAsync([first, second], logDb.ConnectionString, writers, seconds);
                var log = Math.Round(measured, 1);
                appends.Add(new AppendRound(round + 1, peer, log, Math.Round(peer / log, 2), roundDelay));
                // The floor is judged on the worst round.
                delay = delay is null || roundDelay.P99Ms > delay.P99Ms ? roundDelay : delay;
                Console.WriteLine($"round {round + 1}: plain {peer:F0}/s, log {log:F0}/s, cost {peer / log:F2}x; integration p50 {roundDelay.P50Ms} ms, p99 {roundDelay.P99Ms} ms");
            }

            (_, atRate) = await LogRoundAsync([first, second], logDb.ConnectionString, writers, 2 * seconds, offered);
            Console.WriteLine($"at {offered}/s offered: integration p50 {atRate.P50Ms} ms, p99 {atRate.P99Ms} ms");
        }

        var proofs = new List<ProofTiming>();
        foreach (var size in new[] { 10_000L, large })
        {
            await using var proofDb = await BenchDatabase.CreateAsync(BenchStore.Postgres, directory, "proof");
            proofs.Add(await ProofTimingAsync(proofDb, directory, size));
            var p = proofs[^1];
            Console.WriteLine($"inclusion proof at {size:N0}: p50 {p.P50Ms} ms, p99 {p.P99Ms} ms (tree built in {p.BuildSeconds} s)");
        }

        Directory.Delete(directory, recursive: true);
        var cost = appends.Average(a => a.LogCost);
        var result = new AuditSuiteResult("audit", TimeProvider.System.GetUtcNow(),
            new Machine(RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, Environment.ProcessorCount, LoadAverage()),
            server, new Settings(2, writers, seconds, rounds, offered),
            appends, Math.Round(cost, 2), delay!, atRate!, proofs,
            new Floors(1.5, cost <= 1.5, 2000, delay!.P99Ms < 2000, atRate!.P99Ms < 2000));
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(result, Json) + "\n");
        Console.WriteLine($"wrote {output}");
        return 0;
    }

    private static async Task<WebApplication> StartNodeAsync(BenchDatabase database, string directory)
    {
        var keys = KeyProtectionCertificate.Create(directory);
        var app = NodeApp.Build([], c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Senningen:Node:Country"] = "BE",
            ["Senningen:Node:PublicUrl"] = "http://127.0.0.1/",
            ["Senningen:Node:DataDirectory"] = directory,
            ["Senningen:Database:Provider"] = database.Provider,
            ["Senningen:Database:ConnectionString"] = database.ConnectionString,
            ["Logging:LogLevel:Default"] = "Warning",
            [KeyProtectionCertificate.PathKey] = keys[KeyProtectionCertificate.PathKey],
            [KeyProtectionCertificate.PasswordKey] = keys[KeyProtectionCertificate.PasswordKey],
        }));
        await app.PrepareAsync();
        await app.StartAsync();
        return app;
    }

    /// <summary>The peer: the same rows, one per save and a fresh context each, as fast as <paramref name="writers"/> tasks can.</summary>
    private static async Task<double> PlainRoundAsync(DbContextOptions<PlainAuditContext> options, int writers, double seconds)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        var counts = await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            var saved = 0;
            while (Stopwatch.GetTimestamp() < deadline)
            {
                await using var db = new PlainAuditContext(options);
                db.AuditEntries.Add(AuditRows.Plain(0, TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds()));
                await db.SaveChangesAsync();
                saved++;
            }

            return saved;
        })));
        return counts.Sum() / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>
    /// The node's way: <see cref="AuditLog.Add"/> and a save per entry, from both instances at once. A watcher samples the
    /// size of the latest signed head every few milliseconds; an entry's delay is from its save returning to the first
    /// sample whose head covers its leaf.
    /// </summary>
    private static async Task<(double PerSecond, IntegrationDelay Delay)> LogRoundAsync(WebApplication[] instances, string connectionString,
        int writers, double seconds, double? rate = null)
    {
        using var stop = new CancellationTokenSource();
        var samples = new List<(long At, long Size)>();
        var watcher = Task.Run(async () =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""SELECT COALESCE(MAX("Size"), 0) FROM audit_tree_heads""", connection);
            while (!stop.IsCancellationRequested)
            {
                var size = (long)(await command.ExecuteScalarAsync())!;
                samples.Add((Stopwatch.GetTimestamp(), size));
                await Task.Delay(2);
            }
        });

        var deadline = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        var commits = rate is { } offered
            ? [.. await OfferedAsync(instances, offered, seconds)]
            : await Task.WhenAll(instances.SelectMany(app => Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
            {
                var mine = new List<(long Id, long At)>();
                while (Stopwatch.GetTimestamp() < deadline)
                {
                    mine.Add(await AppendAsync(app));
                }

                return mine;
            }))));
        var perSecond = commits.Sum(c => c.Count) / Stopwatch.GetElapsedTime(started).TotalSeconds;

        var leaves = new Dictionary<long, long>();
        var waitUntil = Stopwatch.GetTimestamp() + (30 * Stopwatch.Frequency);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            while (Stopwatch.GetTimestamp() < waitUntil)
            {
                await using var pending = new NpgsqlCommand("""SELECT count(*) FROM audit_entries WHERE "LeafIndex" IS NULL""", connection);
                if ((long)(await pending.ExecuteScalarAsync())! == 0)
                {
                    break;
                }

                await Task.Delay(20);
            }

            await Task.Delay(50);
            await stop.CancelAsync();
            await watcher;
            await using var read = new NpgsqlCommand("""SELECT "Sequence", "LeafIndex" FROM audit_entries WHERE "LeafIndex" IS NOT NULL""", connection);
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                leaves[reader.GetInt64(0)] = reader.GetInt64(1);
            }
        }

        var delays = new List<double>();
        var missing = 0;
        foreach (var (id, at) in commits.SelectMany(c => c))
        {
            if (!leaves.TryGetValue(id, out var leaf))
            {
                missing++;
                continue;
            }

            var covered = samples.FindIndex(s => s.Size > leaf);
            var integratedAt = covered < 0 ? samples[^1].At : samples[covered].At;
            delays.Add(Math.Max(0, (integratedAt - at) * 1000.0 / Stopwatch.Frequency));
        }

        delays.Sort();
        return (perSecond, new IntegrationDelay(delays.Count, missing, Percentile(delays, 0.5), Percentile(delays, 0.99), Math.Round(delays[^1], 1)));
    }

    private static async Task<(long Id, long At)> AppendAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        scope.ServiceProvider.GetRequiredService<AuditLog>().Add(AuditRows.Consultation, AuditRows.Officer);
        var entry = db.ChangeTracker.Entries<AuditEntry>().Single().Entity;
        await db.SaveChangesAsync();
        return (entry.Sequence, Stopwatch.GetTimestamp());
    }

    /// <summary>An open-loop schedule: one append every 1/rate s, alternately on each instance, whatever the earlier ones are doing.</summary>
    private static async Task<List<(long Id, long At)>[]> OfferedAsync(WebApplication[] instances, double rate, double seconds)
    {
        var started = Stopwatch.GetTimestamp();
        var count = (int)(rate * seconds);
        var appends = new List<Task<(long, long)>>(count);
        for (var k = 0; k < count; k++)
        {
            var slot = started + (long)(k / rate * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), slot);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var app = instances[k % instances.Length];
            appends.Add(Task.Run(() => AppendAsync(app)));
        }

        return [[.. await Task.WhenAll(appends)]];
    }

    /// <summary>
    /// Inclusion proofs through <see cref="AuditTree.InclusionProofAsync"/> on a tree of <paramref name="size"/> entries,
    /// written straight into the migrated schema by binary COPY (entries with their leaves, and every perfect node), as
    /// the sequencer would have left them; the entries' secondary indexes, which no proof reads, are dropped first.
    /// </summary>
    private static async Task<ProofTiming> ProofTimingAsync(BenchDatabase database, string directory, long size)
    {
        var keys = KeyProtectionCertificate.Create(directory);
        await using var app = NodeApp.Build([], c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Senningen:Node:Country"] = "BE",
            ["Senningen:Node:PublicUrl"] = "http://127.0.0.1/",
            ["Senningen:Node:DataDirectory"] = directory,
            ["Senningen:Database:Provider"] = database.Provider,
            ["Senningen:Database:ConnectionString"] = database.ConnectionString,
            ["Logging:LogLevel:Default"] = "Warning",
            [KeyProtectionCertificate.PathKey] = keys[KeyProtectionCertificate.PathKey],
            [KeyProtectionCertificate.PasswordKey] = keys[KeyProtectionCertificate.PasswordKey],
        }));
        await app.PrepareAsync();
        var build = Stopwatch.StartNew();
        var root = await BuildTreeAsync(database.ConnectionString, size);
        var built = build.Elapsed.TotalSeconds;

        var random = new Random(16);
        var times = new List<double>();
        const int Proofs = 2_000;
        for (var i = 0; i < Proofs + 100; i++)
        {
            var entry = random.NextInt64(1, size + 1);
            await using var scope = app.Services.CreateAsyncScope();
            var tree = scope.ServiceProvider.GetRequiredService<AuditTree>();
            var started = Stopwatch.GetTimestamp();
            var proof = await tree.InclusionProofAsync(entry, size, CancellationToken.None)
                ?? throw new InvalidOperationException($"No proof for entry {entry}.");
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!MerkleProofs.VerifyInclusion(Convert.FromHexString(proof.LeafHash), proof.LeafIndex, size,
                    [.. proof.AuditPath.Select(Convert.FromHexString)], root))
            {
                throw new InvalidOperationException($"The proof of entry {entry} does not verify.");
            }

            // The first 100 warm the pool, the plan cache and the JIT.
            if (i >= 100)
            {
                times.Add(elapsed);
            }
        }

        times.Sort();
        return new ProofTiming(size, Proofs, Percentile(times, 0.5), Percentile(times, 0.99), Math.Round(built, 1));
    }

    private static async Task<byte[]> BuildTreeAsync(string connectionString, long size)
    {
        await using var entries = new NpgsqlConnection(connectionString);
        await using var nodes = new NpgsqlConnection(connectionString);
        await entries.OpenAsync();
        await nodes.OpenAsync();
        foreach (var index in new[] { "IX_audit_entries_OccurredAtUnixMs", "IX_audit_entries_Actor_OccurredAtUnixMs", "IX_audit_entries_Action_OccurredAtUnixMs",
                     "IX_audit_entries_LeafIndex", "IX_audit_entries_unintegrated" })
        {
            await using var drop = new NpgsqlCommand($"DROP INDEX \"{index}\"", entries);
            await drop.ExecuteNonQueryAsync();
        }

        var frontier = new MerkleFrontier();
        await using (var entryRows = await entries.BeginBinaryImportAsync(
            """COPY audit_entries ("Sequence", "OccurredAtUnixMs", "Actor", "ActorUnit", "ActorCountry", "Action", "Outcome", "Records", "Purpose", "CaseReference", "Recipient", "Detail", "LeafIndex", "LeafHash") FROM STDIN (FORMAT BINARY)"""))
        await using (var nodeRows = await nodes.BeginBinaryImportAsync("""COPY audit_tree_nodes ("Level", "Index", "Hash") FROM STDIN (FORMAT BINARY)"""))
        {
            for (long i = 0; i < size; i++)
            {
                var facts = AuditRows.Facts(i + 1);
                var leaf = AuditLeaf.Hash(facts);
                await entryRows.StartRowAsync();
                await entryRows.WriteAsync(facts.Sequence, NpgsqlDbType.Bigint);
                await entryRows.WriteAsync(facts.OccurredAtUnixMs, NpgsqlDbType.Bigint);
                await entryRows.WriteAsync(facts.Actor, NpgsqlDbType.Varchar);
                await entryRows.WriteAsync(facts.ActorUnit, NpgsqlDbType.Varchar);
                await entryRows.WriteAsync(facts.ActorCountry, NpgsqlDbType.Varchar);
                await entryRows.WriteAsync(facts.Action, NpgsqlDbType.Varchar);
                await entryRows.WriteAsync(facts.Outcome, NpgsqlDbType.Varchar);
                await entryRows.WriteAsync(facts.Records, NpgsqlDbType.Text);
                await entryRows.WriteAsync(facts.Purpose!, NpgsqlDbType.Varchar);
                await entryRows.WriteAsync(facts.CaseReference!, NpgsqlDbType.Varchar);
                await entryRows.WriteNullAsync();
                await entryRows.WriteAsync(facts.Detail!, NpgsqlDbType.Text);
                await entryRows.WriteAsync(i, NpgsqlDbType.Bigint);
                await entryRows.WriteAsync(leaf, NpgsqlDbType.Bytea);
                foreach (var (id, hash) in frontier.Append(leaf))
                {
                    await nodeRows.StartRowAsync();
                    await nodeRows.WriteAsync(id.Level, NpgsqlDbType.Integer);
                    await nodeRows.WriteAsync(id.Index, NpgsqlDbType.Bigint);
                    await nodeRows.WriteAsync(hash, NpgsqlDbType.Bytea);
                }
            }

            await entryRows.CompleteAsync();
            await nodeRows.CompleteAsync();
        }

        await using var analyze = new NpgsqlCommand("ANALYZE audit_entries; ANALYZE audit_tree_nodes", entries);
        await analyze.ExecuteNonQueryAsync();
        return frontier.Root();
    }

    private static async Task<Server> ServerAsync(string admin)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        async Task<string> Show(string setting)
        {
            await using var command = new NpgsqlCommand($"SHOW {setting}", connection);
            return (string)(await command.ExecuteScalarAsync())!;
        }

        return new Server(await Show("server_version"), await Show("fsync"), await Show("synchronous_commit"));
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)], 2);

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "";

    private static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static double Number(string[] args, string name, double fallback) =>
        Text(args, name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private sealed record AuditSuiteResult(string Suite, DateTimeOffset RanAt, Machine Machine, Server Postgres, Settings Settings,
        List<AppendRound> Appends, double LogCostMean, IntegrationDelay IntegrationDelaySaturatedWorstRound, IntegrationDelay IntegrationDelayAtOfferedRate,
        List<ProofTiming> InclusionProofs, Floors Floors);

    private sealed record Machine(string Os, string Runtime, int Cores, string LoadAverageAfter);

    private sealed record Server(string Version, string Fsync, string SynchronousCommit);

    private sealed record Settings(int Instances, int WritersPerInstance, double SecondsPerRound, int Rounds, double OfferedRatePerSecond);

    /// <summary>Entries per second, the plain table (<paramref name="PlainPerSecond"/>) first, then the log; cost = plain / log.</summary>
    private sealed record AppendRound(int Round, double PlainPerSecond, double LogPerSecond, double LogCost, IntegrationDelay IntegrationDelay);

    private sealed record IntegrationDelay(int Entries, int NotIntegrated, double P50Ms, double P99Ms, double MaxMs);

    private sealed record ProofTiming(long TreeSize, int Proofs, double P50Ms, double P99Ms, double BuildSeconds);

    private sealed record Floors(double MaxLogCost, bool LogCostMet, double MaxIntegrationP99Ms, bool IntegrationMetSaturated, bool IntegrationMetAtOfferedRate);
}

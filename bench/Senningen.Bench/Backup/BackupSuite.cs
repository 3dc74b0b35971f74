using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Senningen.Bench.AnprIngest;
using Senningen.Contracts.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Testing;

namespace Senningen.Bench.Backup;

/// <summary>
/// Backup and restore figures for a node holding <c>--persons</c> registry persons and <c>--reads</c> ANPR reads, on
/// SQLite and on PostgreSQL, with the shipped scripts of deploy/backup (the same a DPO runs): the registry comes from
/// the node's own generator, the reads from the ANPR bench's history filler. Each restore is checked by counting both
/// tables again. pg_basebackup needs a cluster of its own (replication rights, its own data directory): the physical
/// path is timed by deploy/backup/drill.sh, not here.
/// </summary>
internal static class BackupSuite
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task<int> RunAsync(string[] args, string resultPath)
    {
        var persons = Option(args, "--persons", 1_000_000);
        var reads = Option(args, "--reads", 1_000_000);
        var stores = (Value(args, "--stores") ?? "sqlite,postgres").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var cases = new List<BackupCase>();
        foreach (var name in stores)
        {
            var store = string.Equals(name, "postgres", StringComparison.OrdinalIgnoreCase) ? Store.Postgres : Store.Sqlite;
            if (store == Store.Postgres && Infrastructure.PostgresConnectionString is null)
            {
                Console.WriteLine($"postgres: skipped ({Infrastructure.PostgresVariable} is not set)");
                continue;
            }

            cases.Add(await RunStoreAsync(store, persons, reads, CancellationToken.None));
        }

        var result = new { suite = "backup", measuredAt = DateTimeOffset.UtcNow, persons, reads, machine = $"{Environment.ProcessorCount} cores", cases };
        await File.WriteAllTextAsync(resultPath, JsonSerializer.Serialize(result, Json));
        Console.WriteLine($"written {resultPath}");
        return 0;
    }

    private static async Task<BackupCase> RunStoreAsync(Store store, int persons, int reads, CancellationToken ct)
    {
        await using var node = await TestNode.StartAsync(store);
        using (var signedIn = await node.SignedInAsync("admin"))
        {
            // A million persons take minutes: a client of its own with a long timeout, carrying the admin's token.
            using var admin = new HttpClient { BaseAddress = node.BaseUrl, Timeout = TimeSpan.FromHours(1) };
            admin.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
            (await admin.PostAsJsonAsync("api/v1/registry/generate", new GenerateRegistryRequest(persons, 1), ct)).EnsureSuccessStatusCode();
        }

        var history = new History(reads, 42, DateTimeOffset.UtcNow);
        if (store == Store.Sqlite)
        {
            await history.FillSqliteAsync(SqlitePath(node), ct);
        }
        else
        {
            await FillPostgresAsync(history, node.Database.ConnectionString, ct);
        }

        var before = await CountAsync(node, ct);
        await node.StopAsync();
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        var directory = Path.Combine(node.DataDirectory, "backups");
        var (backupMs, backup) = await TimedAsync(store == Store.Sqlite
            ? Script("backup-sqlite.sh", "--db", SqlitePath(node), "--out", directory)
            : Script("backup-postgres.sh", "dump", "--dbname", Libpq(node), "--out", directory), ct);
        var file = backup.Trim();
        var meta = File.ReadAllLines(store == Store.Sqlite ? Path.ChangeExtension(file, ".meta") : file + ".meta")
            .Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var databaseBytes = store == Store.Sqlite ? new FileInfo(SqlitePath(node)).Length : await PostgresSizeAsync(node, ct);
        var (restoreMs, _) = await TimedAsync(store == Store.Sqlite
            ? Script("restore-sqlite.sh", "--backup", file, "--db", SqlitePath(node), "--data-dir", node.DataDirectory)
            : Script("restore-postgres.sh", "dump", "--backup", file, "--dbname", Libpq(node), "--data-dir", node.DataDirectory), ct);
        await node.StartAgainAsync();
        var after = await CountAsync(node, ct);
        await SetAsideDatabases.DropAsync(node, ct);
        var figures = new BackupCase(store == Store.Sqlite ? "sqlite" : "postgres", store == Store.Sqlite ? "VACUUM INTO (backup-sqlite.sh)" : "pg_dump -Fc / pg_restore (backup-postgres.sh dump)",
            before.Persons, before.Reads, databaseBytes, long.Parse(meta["size"], CultureInfo.InvariantCulture), Math.Round(backupMs), Math.Round(restoreMs),
            before == after);
        Console.WriteLine(JsonSerializer.Serialize(figures, Json));
        return figures;
    }

    private static async Task<(long Persons, long Reads)> CountAsync(TestNode node, CancellationToken ct)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<Senningen.Node.Common.Persistence.SenningenDbContext>().Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM registry_persons), (SELECT count(*) FROM anpr_reads)";
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    // The node's own table on PostgreSQL, by binary COPY: the history filler writes the peer's table there.
    private static async Task FillPostgresAsync(History history, string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var received = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await using var copy = await connection.BeginBinaryImportAsync(
            """COPY anpr_reads ("CameraId", "Plate", "CanonicalKey", "Confidence", "ObservedAtMs", "ReceivedAtMs") FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var row in history.Rows())
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

    private static async Task<long> PostgresSizeAsync(TestNode node, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(node.Database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        var size = (long)(await command.ExecuteScalarAsync(ct))!;
        await connection.CloseAsync();
        NpgsqlConnection.ClearPool(connection);
        return size;
    }

    private static ProcessStartInfo Script(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(NodeTools.RepositoryRoot(), "deploy", "backup", script))
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (Infrastructure.PostgresConnectionString is { } admin)
        {
            start.Environment["PGPASSWORD"] = new NpgsqlConnectionStringBuilder(admin).Password;
        }

        return start;
    }

    private static async Task<(double Milliseconds, string Output)> TimedAsync(ProcessStartInfo start, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{start.FileName} failed ({process.ExitCode}): {await error}");
        }

        return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, await output);
    }

    private static string SqlitePath(TestNode node) => new SqliteConnectionStringBuilder(node.Database.ConnectionString).DataSource;

    private static string Libpq(TestNode node)
    {
        var cs = new NpgsqlConnectionStringBuilder(node.Database.ConnectionString);
        return $"host={cs.Host} port={cs.Port} user={cs.Username} dbname={cs.Database}";
    }

    private static string? Value(string[] args, string name) => Array.IndexOf(args, name) is >= 0 and var i && i + 1 < args.Length ? args[i + 1] : null;

    private static int Option(string[] args, string name, int fallback) =>
        Value(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}

internal sealed record BackupCase(string Store, string Method, long Persons, long Reads, long DatabaseBytes, long BackupBytes, double BackupMs, double RestoreMs,
    bool RestoredCountsMatch);

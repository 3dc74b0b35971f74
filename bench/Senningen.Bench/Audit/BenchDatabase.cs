using Npgsql;

namespace Senningen.Bench.Audit;

public enum BenchStore
{
    Sqlite,
    Postgres,
}

/// <summary>A fresh database for one side of a benchmark: a SQLite file in a temp folder, or a new PostgreSQL database.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "SENNINGEN_TEST_POSTGRES";

    private readonly string? _admin;
    private readonly string? _name;

    private BenchDatabase(string provider, string connectionString, string? admin, string? name)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _admin = admin;
        _name = name;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public static string? PostgresAdmin => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : null;

    public static async Task<BenchDatabase> CreateAsync(BenchStore store, string directory, string name)
    {
        if (store == BenchStore.Sqlite)
        {
            return new BenchDatabase("sqlite", $"Data Source={Path.Combine(directory, name + ".db")}", null, null);
        }

        var admin = PostgresAdmin ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
        var database = $"senn_bench_{name}_{Guid.NewGuid():N}"[..40];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new BenchDatabase("postgres", new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString, admin, database);
    }

    public async ValueTask DisposeAsync()
    {
        if (_admin is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

using Npgsql;

namespace Senningen.Testing;

public enum Store
{
    Sqlite,
    Postgres,
}

/// <summary>A database of its own for one test node: a temporary SQLite file, or a fresh PostgreSQL database that is dropped afterwards.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _adminConnection;
    private readonly string? _databaseName;

    private TestDatabase(Store store, string connectionString, string? adminConnection, string? databaseName)
    {
        Store = store;
        ConnectionString = connectionString;
        _adminConnection = adminConnection;
        _databaseName = databaseName;
    }

    public Store Store { get; }

    public string ConnectionString { get; }

    public string Provider => Store == Store.Postgres ? "postgres" : "sqlite";

    public static async Task<TestDatabase> CreateAsync(Store store, string directory)
    {
        if (store == Store.Sqlite)
        {
            return new TestDatabase(store, $"Data Source={Path.Combine(directory, "node.db")}", null, null);
        }

        var admin = Infrastructure.RequirePostgres();
        var name = "senn_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(store, builder.ConnectionString, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_adminConnection is null)
        {
            return;
        }

        await DropAsync();
    }

    /// <summary>Drops a PostgreSQL test database under the running node, to see how it copes.</summary>
    public async Task DropAsync()
    {
        if (_adminConnection is null)
        {
            throw new InvalidOperationException("Only a PostgreSQL test database can be dropped under a running node.");
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnection);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

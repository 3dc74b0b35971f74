using Npgsql;

namespace Senningen.Testing;

/// <summary>
/// The PostgreSQL restore script keeps the database it replaced beside the restored one ("…_before_…"), as an operator
/// would want; on a shared test or bench cluster those copies are dropped once the restore has been checked.
/// </summary>
public static class SetAsideDatabases
{
    public static async Task DropAsync(TestNode node, CancellationToken ct)
    {
        if (node.Store != Store.Postgres)
        {
            return;
        }

        var name = new NpgsqlConnectionStringBuilder(node.Database.ConnectionString).Database!;
        await using var connection = new NpgsqlConnection(Infrastructure.PostgresConnectionString);
        await connection.OpenAsync(ct);
        var aside = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE starts_with(datname, @prefix)", connection))
        {
            list.Parameters.AddWithValue("prefix", name + "_before_");
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                aside.Add(reader.GetString(0));
            }
        }

        foreach (var database in aside)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync(ct);
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Tests.Instances;

/// <summary>Several instances of one node on one PostgreSQL database, and the faults a test puts under them.</summary>
internal static class Instances
{
    /// <summary>Another instance of <paramref name="first"/>'s node: same database, keys and settings, its own port.</summary>
    public static Task<TestNode> AnotherAsync(TestNode first)
    {
        var values = first.Settings.ToDictionary(p => p.Key, p => p.Value);
        values["urls"] = "http://127.0.0.1:0";
        return TestNode.StartAsync(first.Store, values["Senningen:Node:Country"]!, values);
    }

    /// <summary>Ends the PostgreSQL sessions of <paramref name="node"/>'s database that match <paramref name="where"/>, as an operator or a crash would.</summary>
    public static async Task<int> TerminateAsync(TestNode node, string where, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(node.Services.GetRequiredService<NodeSettings>().Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT count(pg_terminate_backend(a.pid)) FROM pg_stat_activity a WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND ({where})",
            connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

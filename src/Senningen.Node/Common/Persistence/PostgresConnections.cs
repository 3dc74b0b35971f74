using Npgsql;

namespace Senningen.Node.Common.Persistence;

/// <summary>
/// What the node adds to an operator's PostgreSQL connection string for its pooled connections, where the operator did
/// not set it. Automatic preparation: the node sends the same few dozen statements thousands of times a second, and
/// without it the server parses and plans each one again (measured on the exchange with two instances per node: the
/// server's share of the machine fell and the node's throughput rose by about half). The session reset on returning a
/// connection to the pool stays on: it releases anything a connection may still hold.
/// </summary>
internal static class PostgresConnections
{
    public const int MaxAutoPrepare = 64;
    public const int AutoPrepareMinUsages = 2;

    public static string Pooled(string connectionString)
    {
        // The generic builder keeps the keys as written, so it tells what the operator set from Npgsql's defaults.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Sets(given, "Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        if (!Sets(given, "Auto Prepare Min Usages"))
        {
            builder.AutoPrepareMinUsages = AutoPrepareMinUsages;
        }

        if (!Sets(given, "No Reset On Close"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    private static bool Sets(System.Data.Common.DbConnectionStringBuilder given, string key) =>
        given.ContainsKey(key) || given.ContainsKey(key.Replace(" ", "", StringComparison.Ordinal));
}

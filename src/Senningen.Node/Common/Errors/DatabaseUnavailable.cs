using Microsoft.Data.Sqlite;
using Npgsql;

namespace Senningen.Node.Common.Errors;

/// <summary>
/// Tells an unreachable database (the server down, a failover under way, the database dropped or refusing
/// connections, SQLite's file unopenable or locked beyond its busy timeout) from a bug, through EF Core's and the
/// execution strategy's wrappers: the first is a 503 the caller may retry, the second a 500.
/// </summary>
internal static class DatabaseUnavailable
{
    /// <summary>Seconds a client waits before retrying; a failover to a synchronous standby takes about this long.</summary>
    public const int RetryAfterSeconds = 5;

    // 08: connection exception; 57P01-03: shutdown or start-up; 3D000: the database does not exist (dropped);
    // 25006: a read-only transaction, i.e. a standby reached before the connection string's primary was found.
    private static readonly string[] PostgresStates = ["57P01", "57P02", "57P03", "3D000", "25006"];

    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_CANTOPEN.
    private static readonly int[] SqliteCodes = [5, 6, 10, 14];

    public static bool Is(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres:
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || PostgresStates.Contains(postgres.SqlState);
                case NpgsqlException:
                    // Not a server's answer: a refused or broken connection, no host found for the target session, a timeout.
                    return true;
                case SqliteException sqlite:
                    return SqliteCodes.Contains(sqlite.SqliteErrorCode);
            }
        }

        return false;
    }
}

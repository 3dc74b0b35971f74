using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Senningen.Node.Common.Errors;

namespace Senningen.Node.Tests.Persistence;

/// <summary>Which store failures are an unreachable database (503, retry) and which are bugs (500).</summary>
public sealed class DatabaseUnavailableTests
{
    public static TheoryData<string, bool> Failures => new()
    {
        { "connection refused", true },
        { "connection refused, wrapped by EF's save", true },
        { "connection refused, wrapped by the execution strategy", true },
        { "PostgreSQL 57P01 admin shutdown", true },
        { "PostgreSQL 3D000 database dropped", true },
        { "PostgreSQL 08006 connection failure", true },
        { "PostgreSQL 25006 read-only standby", true },
        { "PostgreSQL 23505 unique violation", false },
        { "PostgreSQL 40P01 deadlock", false },
        { "SQLite 14 cannot open", true },
        { "SQLite 5 busy", true },
        { "SQLite 19 constraint", false },
        { "a bug", false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Is_TellsAnUnreachableDatabaseFromABug(string failure, bool unavailable) =>
        DatabaseUnavailable.Is(Exception(failure)).ShouldBe(unavailable);

    private static Exception Exception(string failure)
    {
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));
        return failure switch
        {
            "connection refused" => refused,
            "connection refused, wrapped by EF's save" => new DbUpdateException("An error occurred while saving the entity changes.", refused),
            "connection refused, wrapped by the execution strategy" => new InvalidOperationException("likely due to a transient failure", refused),
            "a bug" => new InvalidOperationException("Sequence contains no elements"),
            _ when failure.StartsWith("PostgreSQL ", StringComparison.Ordinal) =>
                new PostgresException(failure, "FATAL", "FATAL", failure.Split(' ')[1]),
            _ => new SqliteException(failure, int.Parse(failure.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture)),
        };
    }
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Senningen.Bench.Exchange;

/// <summary>
/// A prototype of a node change, applied from the bench through the services hook: runs the given PRAGMAs on every
/// connection the node opens (for example busy_timeout, so SQLite waits for the write lock itself instead of
/// Microsoft.Data.Sqlite's 150 ms sleep-and-retry, or synchronous=NORMAL in WAL mode).
/// </summary>
internal sealed class SqlitePragmas(string pragmas) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Run(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Run(connection);
        return Task.CompletedTask;
    }

    private void Run(DbConnection connection)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The text comes from the bench's own command line, not from a user of a node.
        command.CommandText = string.Join(' ', pragmas.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"PRAGMA {p};"));
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }
}

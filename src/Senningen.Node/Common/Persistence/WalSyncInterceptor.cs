using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Senningen.Node.Common.Persistence;

/// <summary>
/// Puts each SQLite connection on synchronous=NORMAL once the <see cref="WalFlusher"/> is enabled, with checkpoints
/// left to <see cref="WalCheckpointer"/> and a 32 MB page cache (the ANPR runs' open run and the search's seeks stay
/// in memory); and makes a transaction committed outside the context's own save wait for the fsync (the save waits
/// itself, after the gate).
/// </summary>
internal sealed class WalSyncInterceptor(WalFlusher flusher) : DbConnectionInterceptor, IDbTransactionInterceptor
{
    // The pool hands the same native handle to many connections; the setting stays on it, so it is set once per handle.
    private readonly ConditionalWeakTable<object, object?> _normal = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => UseNormal(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        UseNormal(connection);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (CallerOwned(eventData))
        {
            flusher.WhenDurableAsync(flusher.Committed()).GetAwaiter().GetResult();
        }
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        CallerOwned(eventData) ? flusher.WhenDurableAsync(flusher.Committed()) : Task.CompletedTask;

    private static bool CallerOwned(TransactionEndEventData eventData) => eventData.Context is SenningenDbContext { Saving: false };

    private void UseNormal(DbConnection connection)
    {
        if (!flusher.Enabled || (connection is SqliteConnection { Handle: { } handle } && !_normal.TryAdd(handle, null)))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=0; PRAGMA cache_size=-32768;";
        command.ExecuteNonQuery();
    }
}

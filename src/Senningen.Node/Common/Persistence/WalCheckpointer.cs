using Microsoft.Data.Sqlite;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Common.Persistence;

/// <summary>
/// Copies SQLite's WAL back into the database file from a connection of its own, outside the write gate. SQLite's
/// automatic checkpoint (turned off on the node's connections, see <see cref="WalSyncInterceptor"/>) runs inside the
/// COMMIT that crosses 1,000 pages and fsyncs the database file there: with the write gate held, every writer queued
/// behind that fsync (measured on ANPR ingestion: COMMIT 53 ms on average with it, 8 ms without). A passive
/// checkpoint never blocks a writer; the WAL restarts from its start once a checkpoint has caught up. Under writes
/// that never pause, a passive checkpoint never catches up, so past <see cref="RestartWalBytes"/> a restarting one
/// makes writers wait for it once. The WAL file is not cut back when it restarts: truncating a file SQLite had just
/// written held the committing writer, and with it the write gate, for 600 ms on this machine.
/// </summary>
internal sealed partial class WalCheckpointer(WalFlusher flusher, NodeSettings settings, ILogger<WalCheckpointer> logger) : BackgroundService
{
    /// <summary>Above this the WAL is checkpointed at the next look (SQLite's own default threshold, 1,000 pages of 4 KB).</summary>
    internal const long DueWalBytes = 4_096_000;

    private const long RestartWalBytes = 512L * 1024 * 1024;
    private static readonly TimeSpan Look = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.Database.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        using var timer = new PeriodicTimer(Look);
        SqliteConnection? connection = null;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var size = flusher.WalPath is { } wal && File.Exists(wal) ? new FileInfo(wal).Length : 0;
                if (size < DueWalBytes)
                {
                    continue;
                }

                try
                {
                    connection ??= await OpenAsync(stoppingToken);
                    await using var command = connection.CreateCommand();
                    command.CommandText = size < RestartWalBytes ? "PRAGMA wal_checkpoint(PASSIVE);" : "PRAGMA wal_checkpoint(RESTART);";
                    await command.ExecuteNonQueryAsync(stoppingToken);
                }
                catch (SqliteException e)
                {
                    // Busy or locked for a moment: the next look tries again; the WAL only grows meanwhile.
                    LogFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the last connection to close checkpoints the WAL itself.
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(settings.Database.ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=0;";
        await command.ExecuteNonQueryAsync(ct);
        return connection;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite WAL checkpoint failed; the next look tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

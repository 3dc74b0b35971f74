using Microsoft.Data.Sqlite;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Common.Persistence;

/// <summary>
/// Copies SQLite's WAL back into the database file from a connection of its own. SQLite's automatic checkpoint (turned
/// off on the node's connections, see <see cref="WalSyncInterceptor"/>) runs inside the COMMIT that crosses 1,000 pages
/// and fsyncs the database file there: with the write gate held, every writer queued behind that fsync (measured on
/// ANPR ingestion: COMMIT 53 ms on average with it, 8 ms without). So the bulk of the copying is a passive checkpoint
/// outside the write gate, which never blocks a writer.
/// <para>
/// A passive checkpoint alone never catches up under writes that never pause: frames arrive while it copies, so the
/// WAL never restarts from its start and grows without end (the exchange bench at a steady 500 messages a second grew
/// it past 500 MB in two minutes, every read searching an ever longer WAL index, and the one restart at that size
/// held every writer for seconds). Once the WAL passes <see cref="CatchUpWalBytes"/>, the checkpointer therefore
/// takes the write gate for the last step: a restarting checkpoint copies the few frames written since the passive
/// one and waits (at most <see cref="CatchUpBusyMs"/>) for readers to leave the WAL, so the next commit writes the WAL
/// from its start again. Writers wait for that step only, a few milliseconds, instead of for the whole copy. The WAL
/// file is not cut back: truncating a file SQLite had just written held the committing writer for 600 ms here.
/// </para>
/// </summary>
internal sealed partial class WalCheckpointer(WalFlusher flusher, WriteGate gate, NodeSettings settings, ILogger<WalCheckpointer> logger) : BackgroundService
{
    /// <summary>Above this the WAL is checkpointed at the next look (SQLite's own default threshold, 1,000 pages of 4 KB).</summary>
    internal const long DueWalBytes = 4_096_000;

    /// <summary>Above this the WAL is brought back to its start under the write gate (a few seconds of writes at full load).</summary>
    internal const long CatchUpWalBytes = 16L * 1024 * 1024;

    // A frame is a page (the node's databases keep SQLite's 4 KB default) and its 24-byte header.
    private const long FrameBytes = 4096 + 24;

    /// <summary>How long the gated step waits for readers still on the WAL before it gives up until the next look.</summary>
    internal const int CatchUpBusyMs = 100;
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
                    // The file keeps its largest size after a restart: how far the WAL really reaches is its frame count.
                    var frames = await CheckpointAsync(connection, "PASSIVE", stoppingToken);
                    if (frames * FrameBytes >= CatchUpWalBytes)
                    {
                        using (await gate.EnterAsync(stoppingToken))
                        {
                            await CheckpointAsync(connection, "RESTART", stoppingToken);
                        }
                    }
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

    /// <returns>The frames in the WAL when the checkpoint ran (its second column; -1 when not in WAL mode).</returns>
    private static async Task<long> CheckpointAsync(SqliteConnection connection, string mode, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode});";
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? reader.GetInt64(1) : 0;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(settings.Database.ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        // The busy timeout bounds how long the gated step waits for readers; the driver's own retry is per command.
        command.CommandText = $"PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=0; PRAGMA busy_timeout={CatchUpBusyMs};";
        await command.ExecuteNonQueryAsync(ct);
        return connection;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite WAL checkpoint failed; the next look tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

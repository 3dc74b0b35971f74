using Npgsql;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Exchange;

/// <summary>
/// Hands the outbox and inbox claims of a dead instance to the living within seconds instead of at the end of their
/// lease (30 s). Runs at one instance (<see cref="InstanceLeadership"/>). Every <see cref="Every"/> it lists who holds
/// unexpired claims; an instance whose liveness lock (<see cref="InstanceLiveness"/>) it can take is dead, since a living
/// one holds it. Holding that lock, so the instance cannot come back and claim meanwhile, it clears the claims, gives the
/// lock back, and wakes this instance's workers. Should an instance only have lost its connection, its round in flight
/// cannot commit anything on a message it no longer claims (<see cref="OutboxResults"/>, <see cref="InboxHandled"/>).
/// SQLite has one instance: nothing to sweep.
/// </summary>
internal sealed partial class ClaimSweeper(InstanceLeadership leadership, DispatchSignal signal, NodeSettings settings,
    TimeProvider clock, ILogger<ClaimSweeper> logger) : BackgroundService
{
    public const string Role = "claim-sweeper";

    public static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    private const string Claimants = """
        SELECT "ClaimedBy" FROM exchange_outbox WHERE "Status" = 0 AND "ClaimedBy" IS NOT NULL AND "ClaimedUntilMs" >= @now
        UNION SELECT "ClaimedBy" FROM exchange_inbox WHERE "Status" = 0 AND "ClaimedBy" IS NOT NULL AND "ClaimedUntilMs" >= @now
        """;

    private const string Release = """
        UPDATE exchange_outbox SET "ClaimedBy" = NULL, "ClaimedUntilMs" = NULL WHERE "Status" = 0 AND "ClaimedBy" = @dead;
        UPDATE exchange_inbox SET "ClaimedBy" = NULL, "ClaimedUntilMs" = NULL WHERE "Status" = 0 AND "ClaimedBy" = @dead;
        """;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        settings.Database.Provider == DatabaseProvider.Postgres ? leadership.RunWhileLeadingAsync(Role, SweepAsync, stoppingToken) : Task.CompletedTask;

    private async Task SweepAsync(CancellationToken lead)
    {
        NpgsqlConnection? connection = null;
        try
        {
            while (true)
            {
                try
                {
                    // Its own connection: the locks it takes for a moment must not mix with the sweeper's own lead.
                    connection ??= await leadership.OpenAsync(Role + ":probe", lead);
                    if (await SweepOnceAsync(connection, lead) > 0)
                    {
                        signal.OutboxChanged();
                        signal.InboxChanged();
                    }
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException && !lead.IsCancellationRequested)
                {
                    // Closing the connection also gives back any liveness lock it still held.
                    LogSweepFailed(logger, e);
                    if (connection is not null)
                    {
                        await connection.DisposeAsync();
                        connection = null;
                    }
                }

                // Real time, not the node's clock: how fast a dead instance's work moves is about processes, not business time.
                await Task.Delay(Every, lead);
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <returns>How many claims were handed back.</returns>
    internal async Task<int> SweepOnceAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var claimants = new List<string>();
        await using (var list = new NpgsqlCommand(Claimants, connection))
        {
            list.Parameters.AddWithValue("now", clock.GetUtcNow().ToUnixTimeMilliseconds());
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                claimants.Add(reader.GetString(0));
            }
        }

        var released = 0;
        foreach (var instance in claimants)
        {
            var role = InstanceLiveness.RoleOf(instance);
            // This instance too: its own lock is held on its liveness connection, not this one, unless that was lost.
            if (!await InstanceLeadership.TryTakeAsync(connection, role, ct))
            {
                continue;
            }

            try
            {
                await using var release = new NpgsqlCommand(Release, connection);
                release.Parameters.AddWithValue("dead", instance);
                var count = await release.ExecuteNonQueryAsync(ct);
                LogReleased(logger, count, instance);
                released += count;
            }
            finally
            {
                await InstanceLeadership.ReleaseAsync(connection, role, CancellationToken.None);
            }
        }

        return released;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A claim sweep failed; it is tried again on a new connection")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handed back {Count} claim(s) of instance {Instance}, which no longer holds its liveness lock")]
    private static partial void LogReleased(ILogger logger, int count, string instance);
}

using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Npgsql;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Common.Live;

/// <summary>
/// Carries every <see cref="ChangeFeed{T}"/> publication to the node's other instances, through PostgreSQL
/// <c>LISTEN/NOTIFY</c> on one channel (notifications never leave their database, so the channel is the node's). A
/// notification is <c>instance|change type|JSON of the change</c>; what was published in one moment goes in one round
/// trip, equal changes once. A listener on a connection of its own hands the other instances' changes to this process's
/// feeds, skips its own, and reconnects after a drop; notifications sent while it was away are not replayed, which the
/// pages' slow look covers. On SQLite one instance owns the file: nothing to carry.
/// </summary>
public sealed partial class ChangeBackplane(NodeSettings settings, ILogger<ChangeBackplane> logger) : BackgroundService
{
    /// <summary>PostgreSQL refuses payloads of 8,000 bytes and more.</summary>
    public const int MaxPayloadBytes = 7_999;

    private const string Channel = "senningen_changes";
    private static readonly TimeSpan ProbeEvery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ReconnectAfter = TimeSpan.FromSeconds(1);

    private readonly bool _shared = settings.Database.Provider == DatabaseProvider.Postgres;
    private readonly Channel<string> _outgoing = System.Threading.Channels.Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, Action<string>> _receivers = new(StringComparer.Ordinal);
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private int _listening;

    /// <summary>The listener's application name in <c>pg_stat_activity</c>: one per instance.</summary>
    internal string ListenerName => "senningen-changes:" + _instance;

    /// <summary>Whether the listener is connected and listening (for tests and health pages).</summary>
    public bool IsListening => Volatile.Read(ref _listening) == 1;

    internal void Subscribe<T>(Action<T> raise) =>
        _receivers[typeof(T).Name] = json => raise(JsonSerializer.Deserialize<T>(json)!);

    internal void Send<T>(T change)
    {
        if (!_shared)
        {
            return;
        }

        var payload = $"{_instance}|{typeof(T).Name}|{JsonSerializer.Serialize(change)}";
        if (Encoding.UTF8.GetByteCount(payload) > MaxPayloadBytes)
        {
            // Changes name what changed, never its content; one this large is a bug in its type, not a reason to fail a save.
            LogTooLarge(logger, typeof(T).Name);
            return;
        }

        _outgoing.Writer.TryWrite(payload);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _shared ? Task.WhenAll(SendLoopAsync(stoppingToken), ListenLoopAsync(stoppingToken)) : Task.CompletedTask;

    private async Task SendLoopAsync(CancellationToken ct)
    {
        var batch = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (await _outgoing.Reader.WaitToReadAsync(ct))
            {
                while (batch.Count < 500 && _outgoing.Reader.TryRead(out var payload))
                {
                    if (seen.Add(payload))
                    {
                        batch.Add(payload);
                    }
                }

                try
                {
                    await using var connection = new NpgsqlConnection(settings.Database.ConnectionString);
                    await connection.OpenAsync(ct);
                    await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, p) FROM unnest(@payloads) AS p", connection);
                    notify.Parameters.AddWithValue("channel", Channel);
                    notify.Parameters.AddWithValue("payloads", batch.ToArray());
                    await notify.ExecuteNonQueryAsync(ct);
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
                {
                    // The other instances' pages catch up at their next look.
                    LogSendFailed(logger, batch.Count, e);
                }

                batch.Clear();
                seen.Clear();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task ListenLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException or IOException)
            {
                LogListenerDropped(logger, e);
            }
            finally
            {
                Volatile.Write(ref _listening, 0);
            }

            try
            {
                await Task.Delay(ReconnectAfter, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        // Not pooled: a LISTEN belongs to its session, and this session lives exactly as long as the listener.
        var builder = new NpgsqlConnectionStringBuilder(settings.Database.ConnectionString)
        {
            Pooling = false,
            Multiplexing = false,
            ApplicationName = ListenerName,
        };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Notification += (_, e) => Receive(e.Payload);
        await connection.OpenAsync(ct);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(ct);
        }

        Volatile.Write(ref _listening, 1);
        LogListening(logger);
        while (true)
        {
            // A terminated backend ends the wait with its error at once; a silent network is found by the probe.
            if (!await connection.WaitAsync((int)ProbeEvery.TotalMilliseconds, ct))
            {
                await using var probe = new NpgsqlCommand("SELECT 1", connection);
                await probe.ExecuteScalarAsync(ct);
            }
        }
    }

    private void Receive(string payload)
    {
        var parts = payload.Split('|', 3);
        if (parts.Length != 3 || parts[0] == _instance || !_receivers.TryGetValue(parts[1], out var raise))
        {
            // Ours (already raised here), or a change type nobody in this process has asked for yet.
            return;
        }

        try
        {
            raise(parts[2]);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            LogReceiveFailed(logger, parts[1], e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for the other instances' changes")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The change listener's connection dropped; reconnecting")]
    private static partial void LogListenerDropped(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} change(s) could not be sent to the other instances")]
    private static partial void LogSendFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A {Type} change is too large for a notification; the other instances see it at their next look")]
    private static partial void LogTooLarge(ILogger logger, string type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Type} change from another instance could not be read")]
    private static partial void LogReceiveFailed(ILogger logger, string type, Exception exception);
}

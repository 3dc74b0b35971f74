using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Senningen.Bench.Exchange;

/// <summary>
/// The peer: RabbitMQ on loopback, one durable queue, persistent messages, publisher confirms awaited per publish and
/// manual consumer acks. A message counts as delivered when the consumer has received it and sent its ack.
/// </summary>
internal sealed class RabbitLoad : IAsyncDisposable
{
    private const string Queue = "senningen.bench.load";
    private readonly IConnection _connection;
    private readonly IChannel _publisher;
    private readonly IChannel _consumer;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<long>> _waiters = new();
    private int _next;

    private RabbitLoad(IConnection connection, IChannel publisher, IChannel consumer)
    {
        _connection = connection;
        _publisher = publisher;
        _consumer = consumer;
    }

    /// <returns>The peer, or null with the reason when no broker answers on 127.0.0.1:5672.</returns>
    public static async Task<(RabbitLoad? Load, string? Problem)> TryStartAsync(CancellationToken ct)
    {
        IConnection connection;
        try
        {
            connection = await new ConnectionFactory { HostName = "127.0.0.1", UserName = "guest", Password = "guest" }.CreateConnectionAsync(ct);
        }
        catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.BrokerUnreachableException or IOException or System.Net.Sockets.SocketException)
        {
            return (null, $"RabbitMQ is not reachable on 127.0.0.1:5672 ({ex.GetType().Name}: {ex.Message})");
        }

        var publisher = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        var consumer = await connection.CreateChannelAsync(cancellationToken: ct);
        await publisher.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false, arguments: null, cancellationToken: ct);
        await publisher.QueuePurgeAsync(Queue, ct);
        var load = new RabbitLoad(connection, publisher, consumer);
        await load.ConsumeAsync(ct);
        return (load, null);
    }

    /// <summary>Publishes <paramref name="count"/> messages in groups of <paramref name="batch"/> concurrent publishes, each group awaited for its confirms.</summary>
    public async Task<ThroughputRun> ThroughputAsync(int count, int batch, CancellationToken ct)
    {
        var waits = new List<Task<long>>(count);
        var first = Stopwatch.GetTimestamp();
        for (var done = 0; done < count; done += batch)
        {
            var publishes = new List<Task>(batch);
            for (var i = 0; i < Math.Min(batch, count - done); i++)
            {
                var (index, received) = Expect();
                waits.Add(received);
                publishes.Add(PublishAsync(index, ct).AsTask());
            }

            await Task.WhenAll(publishes);
        }

        await Task.WhenAll(waits).WaitAsync(TimeSpan.FromMinutes(10), ct);
        var seconds = Stopwatch.GetElapsedTime(first).TotalSeconds;
        return new ThroughputRun(count, batch, Math.Round(seconds, 3), Math.Round(count / seconds, 0), 0,
            "from the first publish to the consumer receiving the last message (each acked as received); every publish confirmed");
    }

    /// <summary>One publish per message (awaited for its confirm), started on an open-loop schedule of <paramref name="rate"/> per second.</summary>
    public async Task<LatencyRun> LatencyAsync(double rate, TimeSpan duration, CancellationToken ct)
    {
        var count = (int)(rate * duration.TotalSeconds);
        var interval = Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp();
        var samples = new List<Task<(double, double)>>(count);
        for (var i = 0; i < count; i++)
        {
            var due = start + (long)(i * interval);
            await Pace.UntilAsync(due, ct);
            samples.Add(Task.Run(() => OneAsync(due, ct), ct));
        }

        var offeredSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var results = await Task.WhenAll(samples).WaitAsync(TimeSpan.FromMinutes(5), ct);
        return new LatencyRun(rate, Math.Round(count / offeredSeconds, 1), Math.Round(offeredSeconds, 2), Latencies.Of(results.Select(r => r.Item1).ToList()),
            Latencies.Of(results.Select(r => r.Item2).ToList()), 0,
            "latency: from the start of the publish to the consumer receiving it; fromSchedule: from the message's slot in the schedule");
    }

    public async ValueTask DisposeAsync()
    {
        await _consumer.CloseAsync();
        await _publisher.QueueDeleteAsync(Queue, ifUnused: false, ifEmpty: false);
        await _publisher.CloseAsync();
        await _connection.CloseAsync();
        _consumer.Dispose();
        _publisher.Dispose();
        _connection.Dispose();
    }

    private async Task<(double, double)> OneAsync(long due, CancellationToken ct)
    {
        var (index, received) = Expect();
        var published = Stopwatch.GetTimestamp();
        await PublishAsync(index, ct);
        var at = await received;
        return (Stopwatch.GetElapsedTime(published, at).TotalMilliseconds, Stopwatch.GetElapsedTime(due, at).TotalMilliseconds);
    }

    private (int Index, Task<long> Received) Expect()
    {
        var index = Interlocked.Increment(ref _next);
        var waiter = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters[index] = waiter;
        return (index, waiter.Task);
    }

    // With confirmation tracking on, the returned task completes when the broker has confirmed the persistent message.
    private ValueTask PublishAsync(int index, CancellationToken ct)
    {
        var properties = new BasicProperties { Persistent = true, MessageId = index.ToString(CultureInfo.InvariantCulture), ContentType = "application/json" };
        return _publisher.BasicPublishAsync("", Queue, mandatory: true, properties, LoadPayload.Utf8(index), ct);
    }

    private async Task ConsumeAsync(CancellationToken ct)
    {
        await _consumer.BasicQosAsync(0, 256, false, ct);
        var consumer = new AsyncEventingBasicConsumer(_consumer);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            var at = Stopwatch.GetTimestamp();
            await _consumer.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            if (int.TryParse(delivery.BasicProperties.MessageId, CultureInfo.InvariantCulture, out var index) && _waiters.TryRemove(index, out var waiter))
            {
                waiter.TrySetResult(at);
            }
        };
        await _consumer.BasicConsumeAsync(Queue, autoAck: false, consumer, ct);
    }
}

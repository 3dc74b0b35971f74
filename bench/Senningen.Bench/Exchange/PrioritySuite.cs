using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Core.Countries;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Persistence;

namespace Senningen.Bench.Exchange;

/// <summary>
/// <c>exchange-priority</c>: two real nodes (SQLite), BE queues a backlog of routine messages to NL in one go, then sends
/// urgent messages at a steady pace while the backlog drains; each is timed from its commit to NL's verified receipt
/// saved at BE. The peer is the same run with the same messages sent routine, i.e. without priority.
/// </summary>
internal static class PrioritySuite
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task<int> RunAsync(string[] args, string resultPath)
    {
        var backlog = Option(args, "--backlog", 10_000);
        var urgent = Option(args, "--urgent", 50);
        var ct = CancellationToken.None;
        var withPriority = await RunOnceAsync(backlog, urgent, MessagePriority.Urgent, ct);
        var peer = await RunOnceAsync(backlog, urgent, MessagePriority.Routine, ct);
        var result = new
        {
            suite = "exchange-priority",
            measured = "per urgent message: from BE's commit returning to NL's verified receipt saved at BE; the urgent messages are sent one "
                + "every 20 ms right after a backlog of routine messages was committed",
            machine = new
            {
                os = RuntimeInformation.OSDescription, runtime = RuntimeInformation.FrameworkDescription, cores = Environment.ProcessorCount,
                note = "shared 2-core VM, loaded by five other builds and test runs at the time; both nodes and the driver in this process; one run",
            },
            backlog,
            urgent = new { priority = withPriority, peerWithoutPriority = peer },
            p99Ratio = Math.Round(withPriority.Latency.P99Ms / peer.Latency.P99Ms, 3),
            at = TimeProvider.System.GetUtcNow(),
        };
        await File.WriteAllTextAsync(resultPath, JsonSerializer.Serialize(result, Json) + "\n", ct);
        await Console.Out.WriteLineAsync($"urgent with priority: {withPriority.Latency}; peer without: {peer.Latency}");
        return 0;
    }

    private static async Task<PriorityRun> RunOnceAsync(int backlog, int count, MessagePriority priority, CancellationToken ct)
    {
        await using var load = await SenningenLoad.StartAsync();
        var nl = CountryCode.Parse("NL");
        var sent = Stopwatch.GetTimestamp();
        for (var done = 0; done < backlog; done += 1000)
        {
            await using var scope = load.Sender.Services.CreateAsyncScope();
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            for (var i = done; i < Math.Min(done + 1000, backlog); i++)
            {
                await outbox.EnqueueAsync(nl, LoadPayload.Type, 1, LoadPayload.For(i), cancellationToken: ct);
            }

            await scope.ServiceProvider.GetRequiredService<SenningenDbContext>().SaveChangesAsync(ct);
        }

        var queuedSeconds = Stopwatch.GetElapsedTime(sent).TotalSeconds;
        var samples = new List<Task<double>>(count);
        for (var i = 0; i < count; i++)
        {
            samples.Add(OneAsync(load, backlog + i, priority, ct));
            await Task.Delay(20, ct);
        }

        var latencies = await Task.WhenAll(samples).WaitAsync(TimeSpan.FromMinutes(15), ct);
        var drained = await load.DrainReceiverAsync(ct);
        return new PriorityRun(MessagesPriority: priority.ToString(), Math.Round(queuedSeconds, 2), Latencies.Of(latencies), Math.Round(drained, 2));
    }

    private static async Task<double> OneAsync(SenningenLoad load, int index, MessagePriority priority, CancellationToken ct)
    {
        Task<DeliveryOutcome> delivered;
        long committed;
        await using (var scope = load.Sender.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            var message = await outbox.EnqueueAsync(CountryCode.Parse("NL"), LoadPayload.Type, 1, LoadPayload.For(index),
                marks: new MessageMarks(Priority: priority), cancellationToken: ct);
            delivered = load.Sender.Services.GetRequiredService<DispatchSignal>().WhenDelivered(message.Id);
            await scope.ServiceProvider.GetRequiredService<SenningenDbContext>().SaveChangesAsync(ct);
            committed = Stopwatch.GetTimestamp();
        }

        await delivered;
        return Stopwatch.GetElapsedTime(committed).TotalMilliseconds;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private sealed record PriorityRun(string MessagesPriority, double BacklogQueuedSeconds, Latencies Latency, double ReceiverDrainedAfterSeconds);
}

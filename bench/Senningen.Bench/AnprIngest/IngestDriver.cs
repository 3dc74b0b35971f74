using System.Diagnostics;
using Senningen.Bench.Exchange;
using Senningen.Contracts.Anpr;

namespace Senningen.Bench.AnprIngest;

/// <summary>A batch as prepared by the driver: the reads, and for HTTP their JSON body (serialised before the clock starts).</summary>
internal sealed record PreparedBatch(PlateReadInput[] Reads, byte[] Body, string? Probe);

/// <summary>What one batch came back with: reads accepted, hits reported (for the probe check), and whether it failed.</summary>
internal readonly record struct BatchOutcome(int Accepted, bool Failed, bool ProbeHit);

/// <summary>One store's way of taking a batch: the node over HTTP, or PostgreSQL over COPY.</summary>
internal interface IIngestTarget
{
    Task<BatchOutcome> SendAsync(PreparedBatch batch, CancellationToken ct);
}

/// <summary>The two load shapes, the same for both stores.</summary>
internal static class IngestDriver
{
    /// <summary>
    /// K clients, each posting its next batch as soon as the previous one is answered, for a warm-up and then the
    /// measured seconds; batches cycle through <paramref name="batches"/>.
    /// </summary>
    public static async Task<ThroughputFigures> ClosedLoopAsync(IIngestTarget target, IReadOnlyList<PreparedBatch> batches, int clients,
        double warmupSeconds, double seconds, CancellationToken ct)
    {
        var next = -1;
        var measuring = 0;
        var stop = 0;
        var latencies = new List<double>[clients];
        var accepted = new long[clients];
        var failed = new int[clients];
        async Task ClientAsync(int c)
        {
            latencies[c] = [];
            while (Volatile.Read(ref stop) == 0)
            {
                var batch = batches[(int)((uint)Interlocked.Increment(ref next) % (uint)batches.Count)];
                var counted = Volatile.Read(ref measuring) == 1;
                var sent = Stopwatch.GetTimestamp();
                var outcome = await target.SendAsync(batch, ct);
                if (counted && Volatile.Read(ref stop) == 0)
                {
                    latencies[c].Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                    accepted[c] += outcome.Accepted;
                    failed[c] += outcome.Failed ? 1 : 0;
                }
            }
        }

        var tasks = Enumerable.Range(0, clients).Select(c => Task.Run(() => ClientAsync(c), ct)).ToArray();
        await Task.Delay(TimeSpan.FromSeconds(warmupSeconds), ct);
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        Volatile.Write(ref measuring, 1);
        await Task.Delay(TimeSpan.FromSeconds(seconds), ct);
        Volatile.Write(ref stop, 1);
        var wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromMinutes(2), ct);
        var total = accepted.Sum();
        return new ThroughputFigures(clients, batches[0].Reads.Length, Math.Round(wall, 2), total, Math.Round(total / wall, 0), failed.Sum(),
            Latencies.Of([.. latencies.SelectMany(l => l)]), Math.Round(cpu / wall / Environment.ProcessorCount, 2));
    }

    /// <summary>
    /// Batches started on an open-loop schedule (<paramref name="perSecond"/> reads in batches of <paramref name="size"/>),
    /// whatever the answers; each probe batch carries one listed plate. Returns every batch's timings.
    /// </summary>
    public static async Task<List<Sent>> OpenLoopAsync(IIngestTarget target, Func<int, PreparedBatch> batchAt, double perSecond, int size,
        double seconds, CancellationToken ct)
    {
        var interval = size / perSecond;
        var count = (int)(seconds / interval);
        var sent = new Sent[count];
        var sends = new List<Task>(count);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var due = start + (long)(i * interval * Stopwatch.Frequency);
            var batch = batchAt(i);
            await Pace.UntilAsync(due, ct);
            var slot = i;
            sends.Add(Task.Run(async () =>
            {
                var at = Stopwatch.GetTimestamp();
                var outcome = await target.SendAsync(batch, ct);
                sent[slot] = new Sent(due, at, Stopwatch.GetTimestamp(), batch.Probe, outcome);
            }, ct));
        }

        await Task.WhenAll(sends).WaitAsync(TimeSpan.FromMinutes(2), ct);
        return [.. sent];
    }

    internal readonly record struct Sent(long Due, long At, long Done, string? Probe, BatchOutcome Outcome);
}

/// <summary>Closed-loop figures: reads accepted per second over the measured window, batch latency, process CPU share.</summary>
internal sealed record ThroughputFigures(int Clients, int BatchSize, double Seconds, long Accepted, double ReadsPerSecond, int FailedBatches,
    Latencies Batch, double ProcessCpuShare);

/// <summary>Open-loop figures: read-to-hit from the probe batch's send and from its slot in the schedule, and the batches' own latency.</summary>
internal sealed record LatencyFigures(double OfferedReadsPerSecond, int BatchSize, double Seconds, int Probes, int ProbesHit, Latencies ReadToHit,
    Latencies ReadToHitFromSchedule, Latencies Batch, int FailedBatches, string Measured);

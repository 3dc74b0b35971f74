using System.Diagnostics;
using System.Net.Http.Json;
using Senningen.Bench.Exchange;
using Senningen.Contracts.Operations;

namespace Senningen.Bench.Operations;

/// <summary>The measured run: the open-loop schedule of gateway posts, then the figures.</summary>
internal sealed partial class OperationsLoad
{
    // Crossings are spread over the measured window less this tail, so the last is confirmed (three fixes in NL) inside it.
    private const double ConfirmTailSeconds = 5;

    public async Task<OperationsRun> RunAsync(OperationsOptions o, CancellationToken ct)
    {
        var count = o.Units / o.UnitsPerOperation;
        var operations = await StartOperationsAsync(count, o.UnitsPerOperation, "BE-", ct);
        var total = o.Warmup + o.Seconds;
        var borderAt = Enumerable.Range(0, count).Select(i => o.Warmup + ((i + 0.5) * (o.Seconds - ConfirmTailSeconds) / count)).ToArray();
        var posts = new Post[total * count];
        var sends = new List<Task>(posts.Length);
        await using var watch = new AlertWatch(Partner.Services);
        var wallStart = TimeProvider.System.GetUtcNow();
        var start = Stopwatch.GetTimestamp();
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        for (var second = 0; second < total; second++)
        {
            for (var i = 0; i < count; i++)
            {
                // Gateways are not synchronised: each posts at its own offset within the second.
                var t = second + ((double)i / count);
                var due = start + (long)(t * Stopwatch.Frequency);
                await Pace.UntilAsync(due, ct);
                var batch = Batch(operations[i].Units, i, borderAt[i], t, wallStart.AddSeconds(t));
                var slot = (second * count) + i;
                var id = operations[i].Id;
                sends.Add(Task.Run(async () => posts[slot] = await SendAsync(id, batch, due, ct), ct));
            }
        }

        var offered = Stopwatch.GetElapsedTime(start).TotalSeconds;
        await Task.WhenAll(sends).WaitAsync(TimeSpan.FromMinutes(5), ct);
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
        var wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var measuredFrom = start + (o.Warmup * Stopwatch.Frequency);
        var crossingPosts = new Dictionary<Guid, Post>();
        for (var slot = o.Warmup * count; slot < posts.Length; slot++)
        {
            if (posts[slot].CrossedIntoNl)
            {
                crossingPosts.TryAdd(operations[slot % count].Id, posts[slot]);
            }
        }

        // Alerts still on their way get 30 s after the last response; one that takes longer counts as not alerted.
        var deadline = Stopwatch.GetTimestamp() + (30 * Stopwatch.Frequency);
        foreach (var id in crossingPosts.Keys)
        {
            await watch.WaitForAsync(id, Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), Math.Max(deadline, Stopwatch.GetTimestamp())), ct);
        }

        var measured = posts.AsSpan(o.Warmup * count).ToArray();
        var lastDone = measured.Max(p => p.Done);
        var alerts = crossingPosts.Where(c => watch.Seen.ContainsKey(c.Key)).Select(c => (Post: c.Value, Seen: watch.Seen[c.Key])).ToList();
        var (detected, received) = await NodeClocksAsync(ct);
        var nodeSide = crossingPosts.Keys.Where(k => detected.ContainsKey(k) && received.ContainsKey(k))
            .Select(k => (double)(received[k] - detected[k])).ToList();
        return new OperationsRun(
            Deployment, count, o.UnitsPerOperation, Math.Round(offered, 2),
            new CrossingFigures(count, crossingPosts.Count, alerts.Count,
                Percentiles(alerts.Select(a => Ms(a.Post.Sent, a.Seen))), Percentiles(alerts.Select(a => Ms(a.Post.Due, a.Seen))),
                Percentiles(nodeSide)),
            new FixFigures(
                Math.Round(measured.Length * o.UnitsPerOperation / (double)o.Seconds, 1),
                Math.Round(measured.Sum(p => p.Accepted) / Stopwatch.GetElapsedTime(measuredFrom, lastDone).TotalSeconds, 1),
                measured.Sum(p => p.Accepted), measured.Count(p => p.Status != 200),
                Percentiles(measured.Where(p => p.Status == 200).Select(p => Ms(p.Sent, p.Done))),
                Percentiles(measured.Where(p => p.Status == 200).Select(p => Ms(p.Due, p.Done)))),
            Math.Round(cpu / wall / Environment.ProcessorCount, 2));
    }

    private PositionBatch Batch(string[] units, int operation, double borderAt, double t, DateTimeOffset time)
    {
        var fixes = new PositionFixInput?[units.Length];
        var (lat, lon) = _tracks.Lead(borderAt, t);
        fixes[0] = new PositionFixInput(units[0], lat, lon, time, Tracks.LeadMetresPerSecond * 3.6, 15, 8);
        for (var u = 1; u < units.Length; u++)
        {
            (lat, lon) = _tracks.Patrol((((operation * 7) + u) % 20) / 20.0, t);
            fixes[u] = new PositionFixInput(units[u], lat, lon, time, 54, 200, 8);
        }

        return new PositionBatch(fixes);
    }

    private async Task<Post> SendAsync(Guid operation, PositionBatch batch, long due, CancellationToken ct)
    {
        var sent = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _officer.PostAsJsonAsync($"api/v1/operations/{operation}/positions", batch, ct);
            if (!response.IsSuccessStatusCode)
            {
                return new Post(due, sent, Stopwatch.GetTimestamp(), (int)response.StatusCode, 0, false);
            }

            var result = (await response.Content.ReadFromJsonAsync<PositionBatchResult>(ct))!;
            return new Post(due, sent, Stopwatch.GetTimestamp(), 200, result.Accepted, result.Crossings.Any(c => c.To == "NL"));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            // Refused, reset or past HttpClient's 100-s timeout: a failed post, counted as such.
            return new Post(due, sent, Stopwatch.GetTimestamp(), 0, 0, false);
        }
    }
}

/// <summary>One store's figures.</summary>
internal sealed record OperationsRun(string Deployment, int Operations, int UnitsPerOperation, double OfferedSeconds, CrossingFigures Crossings, FixFigures Fixes,
    double ProcessCpuShare);

/// <summary>
/// Crossing to alert: <c>fromSend</c> from the moment the post carrying the confirming fix was sent to the alert being
/// read at NL; <c>fromSchedule</c> from that post's slot in the schedule; <c>nodeClocks</c> from BE's
/// <c>ops_crossings.DetectedAtMs</c> to NL's <c>ops_alerts.ReceivedAtMs</c> (millisecond wall clocks of the nodes).
/// </summary>
internal sealed record CrossingFigures(int Scheduled, int Confirmed, int Alerted, Latencies FromSend, Latencies FromSchedule, Latencies NodeClocks);

/// <summary>Fix throughput and the positions endpoint's latency over the measured window.</summary>
internal sealed record FixFigures(double OfferedPerSecond, double AcceptedPerSecond, int Accepted, int FailedPosts, Latencies HttpFromSend,
    Latencies HttpFromSchedule);

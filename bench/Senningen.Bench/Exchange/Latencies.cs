namespace Senningen.Bench.Exchange;

/// <summary>Percentiles of one run's per-message latencies, in milliseconds (nearest rank).</summary>
internal sealed record Latencies(int Count, double P50Ms, double P90Ms, double P99Ms, double MaxMs, double MeanMs)
{
    public static Latencies Of(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            return new Latencies(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var sorted = milliseconds.Order().ToArray();
        return new Latencies(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.90), Rank(sorted, 0.99), Math.Round(sorted[^1], 2),
            Math.Round(sorted.Average(), 2));
    }

    public override string ToString() => $"p50 {P50Ms:0.0} ms, p90 {P90Ms:0.0} ms, p99 {P99Ms:0.0} ms, max {MaxMs:0.0} ms ({Count} messages)";

    private static double Rank(double[] sorted, double quantile) =>
        Math.Round(sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)], 2);
}

/// <summary>One side's figures: throughput over a fixed count, and latency at a fixed offered rate.</summary>
internal sealed record ThroughputRun(int Messages, int Batch, double Seconds, double MessagesPerSecond, int Failed, string Measured);

internal sealed record LatencyRun(double OfferedPerSecond, double AchievedPerSecond, double Seconds, Latencies Latency, Latencies FromSchedule,
    int Failed, string Measured);

/// <summary>Sleeps until a Stopwatch timestamp, so an open-loop schedule keeps its rate.</summary>
internal static class Pace
{
    /// <remarks>
    /// Waits for a slot on a timer, never by spinning: a spinning pacer (Task.Yield in a loop) held one of this machine's
    /// two cores away from the nodes it measures. A timer wakes about every millisecond, so at 500/s messages leave in
    /// small clumps up to a millisecond or two after their slots; the fromSchedule figures count from the slot itself.
    /// </remarks>
    public static async Task UntilAsync(long timestamp, CancellationToken ct)
    {
        while (true)
        {
            var left = System.Diagnostics.Stopwatch.GetElapsedTime(System.Diagnostics.Stopwatch.GetTimestamp(), timestamp);
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(left < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : left, ct);
        }
    }
}

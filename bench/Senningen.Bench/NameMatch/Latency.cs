using System.Diagnostics;

namespace Senningen.Bench.NameMatch;

/// <summary>Per-query latencies in milliseconds, by the wall clock and, where measured, by the querying thread's CPU time.</summary>
internal sealed class Latency
{
    private readonly List<double> _wall = [];
    private readonly List<double> _cpu = [];

    public void Add(double wallMs, double cpuMs = double.NaN)
    {
        _wall.Add(wallMs);
        if (!double.IsNaN(cpuMs))
        {
            _cpu.Add(cpuMs);
        }
    }

    public static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    public object Summary() => new
    {
        Queries = _wall.Count,
        WallP50Ms = Percentile(_wall, 0.50),
        WallP99Ms = Percentile(_wall, 0.99),
        WallMeanMs = _wall.Count == 0 ? double.NaN : Math.Round(_wall.Average(), 4),
        CpuP50Ms = Percentile(_cpu, 0.50),
        CpuP99Ms = Percentile(_cpu, 0.99),
    };

    public double P50 => Percentile(_cpu.Count > 0 ? _cpu : _wall, 0.50);

    public double P99 => Percentile(_cpu.Count > 0 ? _cpu : _wall, 0.99);

    public double WallP50 => Percentile(_wall, 0.50);

    public double WallP99 => Percentile(_wall, 0.99);

    /// <summary>Nearest-rank percentile; NaN when nothing was measured.</summary>
    private static double Percentile(List<double> values, double q)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return Math.Round(sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)], 4);
    }
}

using System.Globalization;

namespace Senningen.Bench;

/// <summary>
/// CPU used by the other processes a run depends on (PostgreSQL's backends, nginx, RabbitMQ), from /proc, and how busy
/// the whole machine was: with every part of the deployment on two cores, the node's own CPU says only part of what
/// a message costs. Processes that start during the window count whole; ones that end during it are missed.
/// </summary>
internal sealed class ProcessCpu
{
    private static readonly string[] Watched = ["postgres", "nginx", "beam.smp"];
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux
    private readonly Dictionary<int, (string Name, long Ticks)> _start = Snapshot();
    private readonly (long Busy, long Total) _machineStart = Machine();

    /// <summary>CPU seconds per watched process name since construction, and the machine's busy share (0..1).</summary>
    public (IReadOnlyDictionary<string, double> Seconds, double MachineBusy) Since()
    {
        var now = Snapshot();
        var seconds = Watched.ToDictionary(n => n, _ => 0.0);
        foreach (var (pid, (name, ticks)) in now)
        {
            var before = _start.TryGetValue(pid, out var s) && s.Name == name ? s.Ticks : 0;
            seconds[name] += (ticks - before) / TicksPerSecond;
        }

        var (busy, total) = Machine();
        var share = total == _machineStart.Total ? 0 : (double)(busy - _machineStart.Busy) / (total - _machineStart.Total);
        return (seconds.Where(s => s.Value > 0).ToDictionary(s => s.Key == "beam.smp" ? "rabbitmq" : s.Key, s => Math.Round(s.Value, 2)), Math.Round(share, 3));
    }

    private static Dictionary<int, (string Name, long Ticks)> Snapshot()
    {
        var result = new Dictionary<int, (string, long)>();
        if (!Directory.Exists("/proc"))
        {
            return result;
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var open = stat.IndexOf('(', StringComparison.Ordinal);
                var close = stat.LastIndexOf(')');
                var name = stat[(open + 1)..close];
                if (Array.IndexOf(Watched, name) < 0)
                {
                    continue;
                }

                // Fields after the name: state is field 3, utime 14 and stime 15 (1-based over the whole line).
                var fields = stat[(close + 2)..].Split(' ');
                result[pid] = (name, long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                // The process ended between the listing and the read.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return result;
    }

    private static (long Busy, long Total) Machine()
    {
        if (!File.Exists("/proc/stat"))
        {
            return (0, 0);
        }

        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var idle = cpu[3] + cpu[4];
        var total = cpu.Take(8).Sum();
        return (total - idle, total);
    }
}

/// <summary>
/// Milliseconds of CPU per message, by process (this one: the nodes and the driver), and the machine's busy share: the
/// sum over processes is what one message costs this deployment, so two cores carry at most 2,000 ÷ that many a second.
/// </summary>
internal sealed record CpuPerMessage(double NodeAndDriverMs, IReadOnlyDictionary<string, double> OthersMs, double TotalMs, double MachineBusy,
    double CeilingPerSecondOnThisMachine)
{
    public static CpuPerMessage Of(double processSeconds, ProcessCpu others, int messages)
    {
        var (seconds, busy) = others.Since();
        var n = Math.Max(1, messages);
        var node = processSeconds * 1000 / n;
        var rest = seconds.ToDictionary(s => s.Key, s => Math.Round(s.Value * 1000 / n, 3));
        var total = node + rest.Values.Sum();
        return new CpuPerMessage(Math.Round(node, 3), rest, Math.Round(total, 3), busy,
            total <= 0 ? 0 : Math.Round(Environment.ProcessorCount * 1000 / total));
    }

    public override string ToString() =>
        $"node and driver {NodeAndDriverMs} ms{string.Concat(OthersMs.Select(o => $", {o.Key} {o.Value} ms"))}, total {TotalMs} ms " +
        $"(ceiling on {Environment.ProcessorCount} cores: {CeilingPerSecondOnThisMachine}/s); machine busy {MachineBusy:P0}";
}

using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Senningen.Bench.Exchange;
using Senningen.Testing;

namespace Senningen.Bench.Operations;

/// <summary>
/// The <c>operations</c> suite, a load driver: simulated units at 1 Hz against BE, some crossing into NL, on SQLite and
/// then, as the peer, the same job with both nodes on PostgreSQL, in the same run.
/// </summary>
internal static class OperationsSuite
{
    private const double P99FloorMs = 1000;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static async Task<int> RunAsync(string[] args, string resultPath)
    {
        var options = OperationsOptions.Parse(args);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        var ct = cancel.Token;
        if (options.Profile)
        {
            // Listeners cost time: a profiled run is not the node as measured.
            resultPath = resultPath.Replace("operations.json", "operations-profile.json", StringComparison.Ordinal);
        }

        Say($"operations: {options.Units} units ({options.Units / options.UnitsPerOperation} operations of {options.UnitsPerOperation}) at 1 Hz; warm-up {options.Warmup} s, measured {options.Seconds} s");

        var sqlite = await SideAsync(Store.Sqlite, options, ct);
        OperationsRun? postgres = null;
        string? postgresNote;
        if (Infrastructure.PostgresConnectionString is null)
        {
            postgresNote = $"skipped: {Infrastructure.PostgresVariable} is not set";
            Say($"postgresql: {postgresNote}");
        }
        else
        {
            postgres = await SideAsync(Store.Postgres, options, ct);
            postgresNote = "both nodes on PostgreSQL (a fresh database each), same driver, same schedule";
        }

        var ratios = postgres is null ? null : new Ratios(
            Ratio(sqlite.Crossings.FromSend.P50Ms, postgres.Crossings.FromSend.P50Ms),
            Ratio(sqlite.Crossings.FromSend.P99Ms, postgres.Crossings.FromSend.P99Ms),
            Ratio(sqlite.Crossings.FromSchedule.P99Ms, postgres.Crossings.FromSchedule.P99Ms),
            Ratio(sqlite.Fixes.AcceptedPerSecond, postgres.Fixes.AcceptedPerSecond),
            Ratio(sqlite.Fixes.HttpFromSend.P50Ms, postgres.Fixes.HttpFromSend.P50Ms),
            Ratio(sqlite.Fixes.HttpFromSend.P99Ms, postgres.Fixes.HttpFromSend.P99Ms));
        var met = sqlite.Crossings.Alerted == sqlite.Crossings.Scheduled && sqlite.Crossings.FromSchedule.P99Ms < P99FloorMs;
        var floor = new Floor(P99FloorMs, "p99 of crossing to alert, from the schedule, on SQLite, every scheduled crossing alerted", met);
        Say($"floor: p99 < {P99FloorMs} ms {(met ? "met" : "NOT met")}");
        if (ratios is not null)
        {
            Say($"ratios SQLite/PostgreSQL: alert p50 {ratios.AlertP50}, p99 {ratios.AlertP99}, fixes/s {ratios.AcceptedFixesPerSecond}, http p99 {ratios.HttpP99}");
        }

        var result = new SuiteResult("operations", TimeProvider.System.GetUtcNow(),
            new Machine(RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, Environment.ProcessorCount,
                "shared, noisy 2-core VM; every node instance and the driver in this process, PostgreSQL and nginx in their own, all on loopback",
                LoadAverage()),
            options, Units, sqlite, postgres, postgresNote, ratios, floor);
        Directory.CreateDirectory(Path.GetDirectoryName(resultPath)!);
        await File.WriteAllTextAsync(resultPath, JsonSerializer.Serialize(result, Json) + "\n", ct);
        Say($"wrote {resultPath}");
        return 0;
    }

    private const string Units =
        "milliseconds; fromSend: from the post carrying the confirming fix leaving the driver to NL's alert read back; fromSchedule: from " +
        "that post's slot in the open-loop schedule (coordinated-omission free); nodeClocks: BE ops_crossings.DetectedAtMs to NL " +
        "ops_alerts.ReceivedAtMs; ratios: SQLite / PostgreSQL (above 1: SQLite slower or, for fixes per second, faster)";

    private static async Task<OperationsRun> SideAsync(Store store, OperationsOptions options, CancellationToken ct)
    {
        await using var load = await OperationsLoad.StartAsync(store, store == Store.Postgres ? options.Instances : 1);
        Say($"{store}: {load.Deployment}");
        await load.WarmUpAsync(ct);
        OperationsRun run;
        if (options.Profile)
        {
            using var profile = new ExchangeProfile(load.DatabaseFiles());
            run = await load.RunAsync(options, ct);
            var (wall, cpu) = profile.Elapsed();
            Say($"profile: wall {wall:0.0} s, process CPU {cpu:0.0} s");
            foreach (var line in profile.Lines(wall).Take(25))
            {
                Say($"  {line.What,-48} {line.Count,7} calls {line.TotalMs,10:0.0} ms {line.MeanMs,8:0.000} ms/call  busy {line.BusyShare:0.00}");
            }
        }
        else
        {
            run = await load.RunAsync(options, ct);
        }

        var c = run.Crossings;
        Say($"{store}: {c.Alerted}/{c.Scheduled} crossings alerted ({c.Confirmed} confirmed in a reply); crossing to alert from send {c.FromSend}; from schedule {c.FromSchedule}; node clocks {c.NodeClocks}");
        Say($"{store}: fixes offered {run.Fixes.OfferedPerSecond}/s, accepted {run.Fixes.AcceptedPerSecond}/s, {run.Fixes.FailedPosts} failed posts; positions http {run.Fixes.HttpFromSend}; from schedule {run.Fixes.HttpFromSchedule}; process CPU {run.ProcessCpuShare:P0} of the machine");
        return run;
    }

    // Four places: the two stores can be orders of magnitude apart.
    private static double Ratio(double a, double b) => Math.Round(a / b, 4);

    private static void Say(string line) => Console.WriteLine(line);

    private sealed record SuiteResult(string Suite, DateTimeOffset RanAt, Machine Machine, OperationsOptions Parameters, string Units,
        OperationsRun Sqlite, OperationsRun? Postgres, string PostgresNote, Ratios? Ratios, Floor Floor);

    private sealed record Machine(string Os, string Runtime, int Cores, string Note, string LoadAverage);

    // Other work on the machine shows here: the load average over 1, 5 and 15 minutes when the run ended.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private sealed record Ratios(double AlertP50, double AlertP99, double AlertP99FromSchedule, double AcceptedFixesPerSecond, double HttpP50,
        double HttpP99);

    private sealed record Floor(double P99Ms, string Measured, bool Met);
}

/// <summary>
/// Command-line knobs: --units (2000), --per-operation (10), --seconds (60 measured), --warmup (10 s of driving first);
/// --instances (1): instances per node on the PostgreSQL side, behind nginx when above one;
/// --profile counts EF Core commands during each run (on PostgreSQL the node of a command shows as ?) and writes operations-profile.json instead.
/// </summary>
internal sealed record OperationsOptions(int Units, int UnitsPerOperation, int Seconds, int Warmup, bool Profile, int Instances)
{
    public static OperationsOptions Parse(string[] args)
    {
        var options = new OperationsOptions((int)Read(args, "--units", 2000), (int)Read(args, "--per-operation", 10), (int)Read(args, "--seconds", 60),
            (int)Read(args, "--warmup", 10), args.Contains("--profile"), (int)Read(args, "--instances", 1));
        if (options.Units < options.UnitsPerOperation || options.UnitsPerOperation is < 1 or > 20 || options.Seconds <= 10 || options.Warmup < 0 || options.Instances is < 1 or > 8)
        {
            throw new ArgumentException("--units must be at least --per-operation (1–20), --seconds above 10, --warmup not negative, --instances 1–8.");
        }

        return options;
    }

    private static double Read(string[] args, string name, double fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? double.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}

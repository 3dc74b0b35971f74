using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Senningen.Testing;

namespace Senningen.Bench.Exchange;

/// <summary>
/// The <c>exchange</c> suite, a load driver rather than a BenchmarkDotNet class: Senningen BE→NL on SQLite, in clear and
/// then with message-level encryption (ADR 0029), then on PostgreSQL with several instances per node behind nginx, then
/// RabbitMQ with the same payloads and the same two measurements, in the same run.
/// </summary>
internal static class ExchangeSuite
{
    private const double ThroughputFloor = 2000;
    private const double P99FloorMs = 100;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static async Task<int> RunAsync(string[] args, string resultPath)
    {
        var options = ExchangeOptions.Parse(args);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        var ct = cancel.Token;
        if (options.Pragmas is not null)
        {
            // A prototype of a node change is not the node as shipped: keep its figures apart.
            resultPath = resultPath.Replace("exchange.json", "exchange-prototype.json", StringComparison.Ordinal);
        }

        Say($"exchange: pragmas {options.Pragmas ?? "(node as shipped)"}; N={options.Count} in commits of {options.Batch}; latency at {options.Rate}/s for {options.Seconds} s; warm-up {options.Warmup} messages, then {options.WarmupSeconds} s at the offered rate");

        if (options.Only == "postgres")
        {
            // A diagnosis run: the PostgreSQL side alone, with its profile pass; the figures file is not written.
            await SenningenAsync(options, Store.Postgres, options.Instances, profiled: true, ct);
            return 0;
        }

        if (options.Only == "sqlite")
        {
            await SenningenAsync(options, Store.Sqlite, 1, profiled: true, ct);
            return 0;
        }

        if (options.Only == "encryption")
        {
            // The cost of message-level encryption alone: the clear and the encrypted SQLite peers, one after the other.
            var clear = (await SenningenAsync(options, Store.Sqlite, 1, profiled: false, ct)).Side;
            var sealedSide = (await SenningenAsync(options, Store.Sqlite, 1, profiled: false, ct, encrypted: true)).Side;
            var cost = Compare(sealedSide, clear);
            Say($"encrypted/clear on SQLite: throughput {cost.Throughput}, p50 {cost.P50}, p99 {cost.P99}");
            return 0;
        }

        var (senningen, profile) = await SenningenAsync(options, Store.Sqlite, 1, profiled: true, ct);
        var (encrypted, _) = await SenningenAsync(options, Store.Sqlite, 1, profiled: false, ct, encrypted: true);
        var encryptedOverClear = Compare(encrypted, senningen);
        Say($"encrypted/clear on SQLite: throughput {encryptedOverClear.Throughput}, p50 {encryptedOverClear.P50}, p99 {encryptedOverClear.P99}");
        SideResult? postgres = null;
        ProfileResult? postgresProfile = null;
        if (Infrastructure.PostgresConnectionString is null)
        {
            Say($"postgresql: skipped, {Infrastructure.PostgresVariable} is not set");
        }
        else if (options.Pragmas is null)
        {
            (postgres, postgresProfile) = await SenningenAsync(options, Store.Postgres, options.Instances, profiled: true, ct);
        }

        var rabbit = await RabbitAsync(options, ct);
        var ratios = rabbit.Throughput is null || rabbit.Latency is null ? null : new Ratios(
            Math.Round(senningen.Throughput!.MessagesPerSecond / rabbit.Throughput.MessagesPerSecond, 3),
            Math.Round(senningen.Latency!.Latency.P50Ms / rabbit.Latency.Latency.P50Ms, 2),
            Math.Round(senningen.Latency.Latency.P99Ms / rabbit.Latency.Latency.P99Ms, 2));
        var floors = new Floors(ThroughputFloor, senningen.Throughput!.MessagesPerSecond >= ThroughputFloor, P99FloorMs,
            senningen.Latency!.Latency.P99Ms < P99FloorMs,
            postgres is null ? null : postgres.Throughput!.MessagesPerSecond >= ThroughputFloor,
            postgres is null ? null : postgres.Latency!.Latency.P99Ms < P99FloorMs);
        Say($"floors on SQLite: throughput >= {ThroughputFloor}/s {(floors.ThroughputMet ? "met" : "NOT met")}; p99 < {P99FloorMs} ms at {options.Rate}/s {(floors.P99Met ? "met" : "NOT met")}");
        if (postgres is not null)
        {
            Say($"floors on PostgreSQL: throughput {(floors.PostgresThroughputMet == true ? "met" : "NOT met")}; p99 {(floors.PostgresP99Met == true ? "met" : "NOT met")}");
        }
        if (ratios is not null)
        {
            Say($"ratios Senningen/RabbitMQ: throughput {ratios.Throughput}, p50 {ratios.P50}, p99 {ratios.P99}");
        }

        var result = new SuiteResult("exchange", TimeProvider.System.GetUtcNow(),
            new Machine(RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, Environment.ProcessorCount,
                "shared, noisy 2-core VM; everything on loopback in one machine: every node instance and the load driver in this process, the broker, PostgreSQL and nginx in their own",
                File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown"),
            options, "bench.load v1, " + LoadPayload.Utf8(0).Length.ToString(CultureInfo.InvariantCulture) + " bytes of JSON per message",
            senningen, encrypted, postgres, rabbit, ratios, postgres is null ? null : Compare(senningen, postgres), encryptedOverClear, floors, profile,
            postgresProfile);
        Directory.CreateDirectory(Path.GetDirectoryName(resultPath)!);
        await File.WriteAllTextAsync(resultPath, JsonSerializer.Serialize(result, Json) + "\n", ct);
        Say($"wrote {resultPath}");
        return 0;
    }

    /// <summary>The Senningen side on one store: warm-up, throughput, latency at the offered rate, and (SQLite) the profile pass.</summary>
    private static async Task<(SideResult Side, ProfileResult? Profile)> SenningenAsync(ExchangeOptions options, Store store, int instances, bool profiled,
        CancellationToken ct, bool encrypted = false)
    {
        // The clear peers run with encryption off, so their figures stay comparable with earlier runs; the encrypted peer
        // requires it on both nodes (ADR 0029).
        await using var load = await SenningenLoad.StartAsync(options.Pragmas, store, instances, encrypted ? "Required" : "Off");
        Say($"senningen on {load.Deployment}{(encrypted ? ", payloads encrypted (JWE ECDH-ES+A256KW, A256GCM)" : "")}");
        await load.ThroughputAsync(options.Warmup, options.Batch, ct);
        await load.LatencyAsync(options.Rate, TimeSpan.FromSeconds(options.WarmupSeconds), ct);
        await load.DrainReceiverAsync(ct);
        var throughput = await load.ThroughputAsync(options.Count, options.Batch, ct);
        Say($"senningen {store} throughput: {throughput.MessagesPerSecond:0} msg/s ({throughput.Messages} in {throughput.Seconds:0.00} s, {throughput.Failed} failed)");
        var drain = await load.DrainReceiverAsync(ct);
        Say($"senningen {store}: NL handled its inbox {drain:0.00} s after the last receipt");
        var latency = await load.LatencyAsync(options.Rate, TimeSpan.FromSeconds(options.Seconds), ct);
        Say($"senningen {store} latency at {latency.AchievedPerSecond}/s: {latency.Latency}; from schedule {latency.FromSchedule}; {latency.Failed} failed");
        await load.DrainReceiverAsync(ct);
        var profile = profiled ? await ProfileAsync(load, options, ct) : null;
        var counts = await load.CountAsync(ct);
        Say($"senningen {store} totals: BE sent {counts.Sent}, receipted {counts.Receipted}; NL received {counts.Received}, handled {counts.Handled}");
        return (new SideResult(throughput, latency, Math.Round(drain, 2), load.Deployment + (encrypted ? ", encrypted" : "")), profile);
    }

    /// <summary><paramref name="a"/> over <paramref name="b"/>: throughput, p50 and p99 ratios.</summary>
    private static Ratios Compare(SideResult a, SideResult b) => new(
        Math.Round(a.Throughput!.MessagesPerSecond / b.Throughput!.MessagesPerSecond, 3),
        Math.Round(a.Latency!.Latency.P50Ms / b.Latency!.Latency.P50Ms, 2),
        Math.Round(a.Latency.Latency.P99Ms / b.Latency.Latency.P99Ms, 2));

    // A separate pass with listeners attached, so the measured figures above carry none of their cost.
    private static async Task<ProfileResult> ProfileAsync(SenningenLoad load, ExchangeOptions options, CancellationToken ct)
    {
        var count = Math.Max(options.Batch, options.Count / 2);
        ProfilePass throughput;
        using (var profile = new ExchangeProfile(load.DatabaseFiles()))
        {
            var others = new ProcessCpu();
            var run = await load.ThroughputAsync(count, options.Batch, ct);
            var (wall, cpu) = profile.Elapsed();
            throughput = new ProfilePass($"throughput, {count} messages: {run.MessagesPerSecond:0} msg/s", Math.Round(wall, 2), Math.Round(cpu, 2),
                CpuPerMessage.Of(cpu, others, count), profile.Lines(wall));
        }

        await load.DrainReceiverAsync(ct);
        ProfilePass latency;
        using (var profile = new ExchangeProfile(load.DatabaseFiles()))
        {
            var others = new ProcessCpu();
            var run = await load.LatencyAsync(options.Rate, TimeSpan.FromSeconds(Math.Min(10, options.Seconds)), ct);
            var (wall, cpu) = profile.Elapsed();
            latency = new ProfilePass($"latency at {options.Rate}/s: {run.Latency}", Math.Round(wall, 2), Math.Round(cpu, 2),
                CpuPerMessage.Of(cpu, others, run.Latency.Count), profile.Lines(wall));
        }

        await load.DrainReceiverAsync(ct);
        foreach (var pass in new[] { throughput, latency })
        {
            Say($"profile, {pass.Run}: wall {pass.WallSeconds} s, process CPU {pass.CpuSeconds} s ({pass.CpuSeconds / pass.WallSeconds / Environment.ProcessorCount:P0} of the machine)");
            Say($"  CPU per message: {pass.CpuPerMessage}");
            foreach (var line in pass.Lines.Take(14))
            {
                Say($"  {line.What,-48} {line.Count,7} calls {line.TotalMs,10:0.0} ms {line.MeanMs,8:0.000} ms/call  busy {line.BusyShare:0.00}");
            }
        }

        return new ProfileResult("busyShare = total time inside the call / wall time of the pass (can exceed 1 when calls overlap)", throughput, latency);
    }

    private static async Task<SideResult> RabbitAsync(ExchangeOptions options, CancellationToken ct)
    {
        var (rabbit, problem) = await RabbitLoad.TryStartAsync(ct);
        if (rabbit is null)
        {
            Say($"rabbitmq: skipped, {problem}");
            return new SideResult(null, null, null, $"skipped: {problem}");
        }

        await using (rabbit)
        {
            await rabbit.ThroughputAsync(options.Warmup, options.Batch, ct);
            await rabbit.LatencyAsync(options.Rate, TimeSpan.FromSeconds(options.WarmupSeconds), ct);
            var throughput = await rabbit.ThroughputAsync(options.Count, options.Batch, ct);
            Say($"rabbitmq throughput: {throughput.MessagesPerSecond:0} msg/s ({throughput.Messages} in {throughput.Seconds:0.00} s)");
            var latency = await rabbit.LatencyAsync(options.Rate, TimeSpan.FromSeconds(options.Seconds), ct);
            Say($"rabbitmq latency at {latency.AchievedPerSecond}/s: {latency.Latency}; from schedule {latency.FromSchedule}");
            return new SideResult(throughput, latency, null, "durable queue, persistent messages, publisher confirms (tracked per publish), manual acks, prefetch 256");
        }
    }

    private static void Say(string line) => Console.WriteLine(line);

    private sealed record SuiteResult(string Suite, DateTimeOffset RanAt, Machine Machine, ExchangeOptions Parameters, string Payload,
        SideResult Senningen, SideResult SenningenEncrypted, SideResult? SenningenPostgres, SideResult RabbitMq, Ratios? Ratios, Ratios? SqliteOverPostgres,
        Ratios EncryptedOverClear, Floors Floors, ProfileResult? Profile, ProfileResult? PostgresProfile);

    private sealed record Machine(string Os, string Runtime, int Cores, string Note, string LoadAverage);

    private sealed record SideResult(ThroughputRun? Throughput, LatencyRun? Latency, double? ReceiverDrainSeconds, string? Note);

    private sealed record Ratios(double Throughput, double P50, double P99);

    private sealed record Floors(double ThroughputPerSecond, bool ThroughputMet, double P99Ms, bool P99Met, bool? PostgresThroughputMet,
        bool? PostgresP99Met);

    private sealed record ProfileResult(string Units, ProfilePass Throughput, ProfilePass Latency);

    private sealed record ProfilePass(string Run, double WallSeconds, double CpuSeconds, CpuPerMessage CpuPerMessage, IReadOnlyList<ProfileLine> Lines);
}

/// <summary>
/// Command-line knobs of the suite: --n, --batch, --rate, --seconds, --warmup (messages in commits of --batch) and
/// --warmup-seconds (then that long at the offered rate); --pragmas "a=1;b=2" prototypes SQLite settings on both nodes;
/// --instances (2): instances per node on the PostgreSQL side, behind nginx when above one; --only postgres (or sqlite) runs that side
/// alone with its profile pass, to diagnose it, and writes no figures; --only encryption runs the clear and the encrypted SQLite
/// peers alone, without profile, and writes no figures.
/// </summary>
internal sealed record ExchangeOptions(int Count, int Batch, double Rate, double Seconds, int Warmup, double WarmupSeconds, string? Pragmas, int Instances,
    string? Only)
{
    public static ExchangeOptions Parse(string[] args) => new(
        (int)Read(args, "--n", 5000), (int)Read(args, "--batch", 100), Read(args, "--rate", 500), Read(args, "--seconds", 20), (int)Read(args, "--warmup", 5000),
        Read(args, "--warmup-seconds", 60), Text(args, "--pragmas"), (int)Read(args, "--instances", 2), Text(args, "--only"));

    private static string? Text(string[] args, string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;

    private static double Read(string[] args, string name, double fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? double.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}

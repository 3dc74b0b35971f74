using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using Senningen.Bench.Geofence;
using Senningen.Core.Anpr;

namespace Senningen.Bench.Anpr;

/// <summary>
/// The <c>anpr-match</c> suite: single-candidate plate reads matched per second on one core against hotlists of
/// 100 k and 1 M entries (99 % misses), <see cref="HotlistIndex"/> from raw text and from parsed reads, next to a
/// <see cref="FrozenDictionaryPeer"/> in the same run, every read's hit count compared; and the cost of building the
/// index (a full reload) and of one update. A Stopwatch loop like <c>geofence</c>: one read is nanoseconds.
/// </summary>
internal static class AnprSuite
{
    private const double RateFloor = 10_000_000;
    private const int Seed = 20260501;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task<int> RunAsync(string[] args, string resultPath)
    {
        var quick = args.Contains("--quick");
        var reads = Option(args, "--reads", quick ? 500_000 : 4_000_000);
        var passes = Option(args, "--passes", quick ? 3 : 5);
        var sizes = Array.IndexOf(args, "--sizes") is var at and >= 0 && at + 1 < args.Length
            ? [.. args[at + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]
            : new[] { 100_000, 1_000_000 };
        Say($"anpr-match: {reads:N0} reads per pass, {passes} measured passes, hotlists of {string.Join(", ", sizes.Select(s => s.ToString("N0", CultureInfo.InvariantCulture)))}");

        var results = sizes.Select(size => Measure(size, reads, passes)).ToList();
        var largest = results[^1];
        var floorMet = largest.Size >= 1_000_000 && largest.TextPerSecondCpu >= RateFloor;
        Say($"floor (≥ {RateFloor / 1e6:0} M reads/s/core at 1 M entries): {(floorMet ? "met" : "NOT MET")} — {largest.TextPerSecondCpu / 1e6:0.0} M/s at {largest.Size:N0}");

        var result = new
        {
            Suite = "anpr-match",
            RanAt = TimeProvider.System.GetUtcNow(),
            Machine = new { Os = RuntimeInformation.OSDescription, Runtime = RuntimeInformation.FrameworkDescription, Cores = Environment.ProcessorCount },
            Units = "reads per second on one thread by that thread's CPU time (per core) and by the wall clock; a read = one candidate's text, normalised, keyed and looked up, hits built; buildMs = HotlistIndex.Build of the whole list; updateMs = With(one upsert, one removal) on it",
            Reads = new { PerPass = reads, Passes = passes, Seed, Shape = "99 % plates not listed, 1 % listed (half exact, half with one OCR confusion); 2 % of entries expired" },
            Sizes = results,
            Floor = new { PerSecond = RateFloor, AtEntries = 1_000_000, Met = floorMet },
        };
        Directory.CreateDirectory(Path.GetDirectoryName(resultPath)!);
        await File.WriteAllTextAsync(resultPath, JsonSerializer.Serialize(result, Json) + "\n");
        Say($"wrote {resultPath}");
        return results.All(r => r.Agree == r.Reads) ? 0 : 1;
    }

    private static SizeResult Measure(int size, int reads, int passes)
    {
        var data = AnprReads.Generate(size, reads, Seed + size);
        var builds = Enumerable.Range(0, 3).Select(_ => Timed(() => HotlistIndex.Build(data.Entries))).ToList();
        var index = builds[^1].Value;
        var update = Enumerable.Range(0, 3).Select(_ => Timed(() => index.With([data.Entries[1] with { }], [data.Entries[2].Id]))).ToList();
        var peerBuild = Timed(() => new FrozenDictionaryPeer(data.Entries));
        Say($"{size:N0} entries: HotlistIndex.Build {Median(builds.Select(b => b.Ms)):0} ms, one update {Median(update.Select(u => u.Ms)):0} ms; peer built in {peerBuild.Ms:0} ms; {data.ListedReads:N0} listed reads");

        var (text, parsed, peer) = (new int[reads], new int[reads], new int[reads]);
        var textPasses = Passes(passes, () => TextPass(index, data.Texts, text));
        var parsedPasses = Passes(passes, () => ParsedPass(index, data.Parsed, parsed));
        var peerPasses = Passes(passes, () => PeerPass(peerBuild.Value, data.Texts, peer));
        var agree = Enumerable.Range(0, reads).Count(i => text[i] == peer[i] && parsed[i] == peer[i]);
        var (textRate, parsedRate, peerRate) = (Median(textPasses.Select(p => p.Cpu)), Median(parsedPasses.Select(p => p.Cpu)), Median(peerPasses.Select(p => p.Cpu)));
        Say($"  HotlistIndex.Match(text): {Describe(textPasses)}");
        Say($"  HotlistIndex.Match(PlateRead): {Describe(parsedPasses)}");
        Say($"  FrozenDictionary peer: {Describe(peerPasses)}");
        Say($"  ratio {textRate / peerRate:0.0}× (text), {parsedRate / peerRate:0.0}× (parsed); hits {text.Count(c => c > 0):N0} reads; agree on {agree:N0} of {reads:N0}");

        return new SizeResult(size, reads, Math.Round(Median(builds.Select(b => b.Ms))), Math.Round(Median(update.Select(u => u.Ms)), 1), Math.Round(peerBuild.Ms),
            Math.Round(textRate), Rates(textPasses), Rates(parsedPasses), Rates(peerPasses),
            Math.Round(textRate / peerRate, 1), Math.Round(parsedRate / peerRate, 1), text.Count(c => c > 0), agree);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Pass TextPass(HotlistIndex index, string[] texts, int[] counts)
    {
        var at = AnprReads.At;
        var clock = new ThreadClock();
        for (var i = 0; i < texts.Length; i++)
        {
            counts[i] = index.Match(texts[i], at).Count;
        }

        return new Pass(texts.Length, clock.Elapsed);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Pass ParsedPass(HotlistIndex index, PlateRead[] reads, int[] counts)
    {
        var clock = new ThreadClock();
        for (var i = 0; i < reads.Length; i++)
        {
            counts[i] = index.Match(reads[i]).Count;
        }

        return new Pass(reads.Length, clock.Elapsed);
    }

    private static Pass PeerPass(FrozenDictionaryPeer peer, string[] texts, int[] counts)
    {
        var at = AnprReads.At;
        var clock = new ThreadClock();
        for (var i = 0; i < texts.Length; i++)
        {
            counts[i] = peer.Match(texts[i], at);
        }

        return new Pass(texts.Length, clock.Elapsed);
    }

    private static (T Value, double Ms) Timed<T>(Func<T> build)
    {
        var watch = Stopwatch.StartNew();
        var value = build();
        return (value, watch.Elapsed.TotalMilliseconds);
    }

    private static List<Pass> Passes(int measured, Func<Pass> pass)
    {
        pass();
        return [.. Enumerable.Range(0, measured).Select(_ => pass())];
    }

    private static object Rates(List<Pass> passes) => new
    {
        PerSecondCpuMedian = Math.Round(Median(passes.Select(p => p.Cpu))),
        PerSecondWallMedian = Math.Round(Median(passes.Select(p => p.Wall))),
        PassesCpu = passes.Select(p => Math.Round(p.Cpu)).ToList(),
        NsPerReadCpu = Math.Round(1e9 / Median(passes.Select(p => p.Cpu)), 1),
    };

    private static string Describe(List<Pass> passes) => string.Create(CultureInfo.InvariantCulture,
        $"median {Median(passes.Select(p => p.Cpu)) / 1e6:0.00} M/s per core, {Median(passes.Select(p => p.Wall)) / 1e6:0.00} M/s wall ({1e9 / Median(passes.Select(p => p.Cpu)):0.0} ns/read)");

    private static double Median(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private static void Say(string line) => Console.WriteLine(line);

    private readonly record struct Pass(double Cpu, double Wall)
    {
        public Pass(int reads, (double Wall, double Cpu) seconds)
            : this(reads / seconds.Cpu, reads / seconds.Wall)
        {
        }
    }

    private sealed record SizeResult(int Size, int Reads, double BuildMs, double UpdateMs, double PeerBuildMs, double TextPerSecondCpu,
        object MatchText, object MatchParsed, object Peer, double RatioText, double RatioParsed, int HitReads, int Agree);
}

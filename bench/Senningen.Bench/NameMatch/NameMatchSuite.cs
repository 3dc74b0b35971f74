using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Senningen.Bench.NameMatch;

/// <summary>
/// The <c>name-match</c> suite: FEBRL4 linkage (each 4b duplicate searched among the 4a originals) by the Core
/// <see cref="Core.Consultation.Names.PersonIndex"/>, with and without the shared identifier, next to Lucene.Net fuzzy
/// queries and, when <c>SENNINGEN_TEST_POSTGRES</c> is set, PostgreSQL pg_trgm + fuzzystrmatch on the same records in
/// the same run; then the engine's per-query latency over a 1 M-person synthetic population. Writes name-match.json.
/// </summary>
internal static class NameMatchSuite
{
    private const double F1Floor = 0.99;
    private const double P50FloorMs = 2;
    private const double P99FloorMs = 10;
    private const int Seed = 20261123;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() }, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static async Task<int> RunAsync(string[] args, string repositoryRoot, string resultPath)
    {
        var persons = Option(args, "--persons", 1_000_000);
        var queries = Option(args, "--queries", 20_000);
        var folder = Path.Combine(repositoryRoot, "bench", "data", "febrl");
        var originals = FebrlRow.Read(Path.Combine(folder, "dataset4a.csv"));
        var duplicates = FebrlRow.Read(Path.Combine(folder, "dataset4b.csv"));
        Say($"name-match: FEBRL4, {originals.Count:N0} originals, {duplicates.Count:N0} duplicates");

        var engine = EngineRun.Febrl(originals, duplicates, withIdentifier: true);
        Say($"  PersonIndex, all fields: {Describe(engine.Linkage)}; p50 {engine.P50:0.000} ms, p99 {engine.P99:0.000} ms (CPU); true original in the first 10: {engine.TrueInTopTen:N0}");
        var engineNoId = EngineRun.Febrl(originals, duplicates, withIdentifier: false);
        Say($"  PersonIndex, without soc_sec_id: {Describe(engineNoId.Linkage)}; p50 {engineNoId.P50:0.000} ms, p99 {engineNoId.P99:0.000} ms");

        var peers = new List<PeerResult> { Lucene(originals, duplicates, true), Lucene(originals, duplicates, false) };
        peers.AddRange(await PostgresAsync(originals, duplicates));

        var synthetic = EngineRun.Synthetic(persons, queries, Seed, Say);
        Say($"  PersonIndex over {persons:N0} synthetic people, {queries:N0} queries: p50 {synthetic.P50:0.000} ms, p99 {synthetic.P99:0.000} ms (CPU); refused {synthetic.Refused:N0}; true person first in {synthetic.TrueTopOne:N0} of {synthetic.Answered:N0} answered; {synthetic.MeanCandidates:0} candidates scored on average");

        var f1Met = engine.Linkage.F1 >= F1Floor;
        var latencyMet = synthetic.P50 <= P50FloorMs && synthetic.P99 <= P99FloorMs && persons >= 1_000_000;
        Say($"floors: F1 ≥ {F1Floor} {(f1Met ? "met" : "NOT MET")} ({engine.Linkage.F1}); p50 ≤ {P50FloorMs} ms and p99 ≤ {P99FloorMs} ms at 1 M {(latencyMet ? "met" : "NOT MET")} ({synthetic.P50} / {synthetic.P99} ms)");

        var result = new
        {
            Suite = "name-match",
            RanAt = TimeProvider.System.GetUtcNow(),
            Machine = new { Os = RuntimeInformation.OSDescription, Runtime = RuntimeInformation.FrameworkDescription, Cores = Environment.ProcessorCount },
            Units = "linkage: the best candidate of each 4b duplicate is linked when its score reaches the threshold; precision, recall and F1 at the threshold with the best F1 (recall over the 5,000 true links); topOneAccuracy = duplicates whose best candidate is their original. Latency in ms per query on one thread: cpu* by that thread's CPU time (the floors), wall* by the wall clock (includes waiting for a core on a shared machine). Peers' latency is wall clock from this process (PostgreSQL: one round trip on loopback).",
            Data = new { Source = "FEBRL4 (Christen & Churches, ANU) via the Python Record Linkage Toolkit, bench/data/febrl", Originals = originals.Count, Duplicates = duplicates.Count },
            Engine = new { AllFields = engine, WithoutIdentifier = engineNoId },
            Peers = peers,
            Ratios = peers.Where(p => p.Linkage is not null).Select(p => new
            {
                p.Name,
                F1EngineMinusPeer = Math.Round((p.WithIdentifier ? engine : engineNoId).Linkage.F1 - p.Linkage!.F1, 4),
                WallP50PeerOverEngine = Math.Round(p.WallP50Ms!.Value / (p.WithIdentifier ? engine : engineNoId).WallP50, 1),
                WallP99PeerOverEngine = Math.Round(p.WallP99Ms!.Value / (p.WithIdentifier ? engine : engineNoId).WallP99, 1),
            }).ToList(),
            Synthetic = synthetic,
            Floors = new { F1 = F1Floor, F1Met = f1Met, P50Ms = P50FloorMs, P99Ms = P99FloorMs, AtPersons = 1_000_000, LatencyMet = latencyMet },
        };
        Directory.CreateDirectory(Path.GetDirectoryName(resultPath)!);
        await File.WriteAllTextAsync(resultPath, JsonSerializer.Serialize(result, Json) + "\n");
        Say($"wrote {resultPath}");
        return 0;
    }

    private static PeerResult Lucene(List<FebrlRow> originals, List<FebrlRow> duplicates, bool withIdentifier)
    {
        using var peer = new LucenePeer(originals);
        peer.Link(duplicates, withIdentifier);
        var (answers, latency) = peer.Link(duplicates, withIdentifier);
        var result = new PeerResult($"Lucene.Net 4.8 FuzzyQuery{(withIdentifier ? "" : " (without soc_sec_id)")}", withIdentifier, Linkage.Of(answers, originals.Count),
            latency.Summary(), latency.WallP50, latency.WallP99, "in process, one keyword field per attribute, SHOULD clauses of FuzzyQuery (2 edits for names and address, 1 for date, postcode, identifier), Lucene's score");
        Say($"  {result.Name}: {Describe(result.Linkage!)}; p50 {latency.WallP50:0.000} ms, p99 {latency.WallP99:0.000} ms (wall)");
        return result;
    }

    private static async Task<List<PeerResult>> PostgresAsync(List<FebrlRow> originals, List<FebrlRow> duplicates)
    {
        const string name = "PostgreSQL pg_trgm + fuzzystrmatch";
        var connection = Environment.GetEnvironmentVariable("SENNINGEN_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(connection))
        {
            Say($"  {name}: skipped, SENNINGEN_TEST_POSTGRES is not set");
            return [new PeerResult(name, true, null, null, null, null, "skipped: SENNINGEN_TEST_POSTGRES is not set")];
        }

        await using var peer = await PostgresPeer.StartAsync(connection, originals);
        var version = string.Join(' ', (await peer.VersionAsync()).Split(' ').Take(2));
        var results = new List<PeerResult>();
        foreach (var withIdentifier in new[] { true, false })
        {
            await peer.LinkAsync(duplicates.Take(500).ToList(), withIdentifier);
            var (answers, latency) = await peer.LinkAsync(duplicates, withIdentifier);
            var result = new PeerResult($"{name}{(withIdentifier ? "" : " (without soc_sec_id)")}", withIdentifier, Linkage.Of(answers, originals.Count),
                latency.Summary(), latency.WallP50, latency.WallP99,
                $"{version}, scratch database; candidates by trigram % on names, dmetaphone(surname), date or identifier; ranked by summed similarity/levenshtein closeness; one query per duplicate over loopback");
            Say($"  {result.Name}: {Describe(result.Linkage!)}; p50 {latency.WallP50:0.000} ms, p99 {latency.WallP99:0.000} ms (wall)");
            results.Add(result);
        }

        return results;
    }

    private static string Describe(Linkage l) => string.Create(CultureInfo.InvariantCulture,
        $"F1 {l.F1:0.0000} (precision {l.Precision:0.0000}, recall {l.Recall:0.0000} at {l.Threshold}), top-1 {l.TopOneAccuracy:0.0000}, no candidate {l.NoCandidate}");

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private static void Say(string line) => Console.WriteLine(line);

    private sealed record PeerResult(string Name, bool WithIdentifier, Linkage? Linkage, object? Latency, double? WallP50Ms, double? WallP99Ms, string Note);
}

using System.Diagnostics;
using Senningen.Bench.Geofence;
using Senningen.Core.Consultation.Names;

namespace Senningen.Bench.NameMatch;

/// <summary>The engine's two measured runs: FEBRL4 linkage (quality and latency), and latency over the 1 M synthetic population.</summary>
internal static class EngineRun
{
    public sealed record FebrlResult(Linkage Linkage, object Latency, double P50, double P99, double WallP50, double WallP99, double BuildMs, int TrueInTopTen, int Refused, object Example);

    public sealed record SyntheticResult(int Persons, int Queries, double GenerateMs, double BuildMs, long ManagedBytes, int Keys, int Postings,
        object Latency, double P50, double P99, int Refused, int TrueTopOne, int Answered, double MeanCandidates, int MaxCandidates, List<KindResult> ByKind);

    /// <summary>One kind of synthetic query: how many, how many refused, and how often the person asked for came first.</summary>
    public sealed record KindResult(string Kind, int Queries, int Refused, int TrueTopOne);

    public static FebrlResult Febrl(List<FebrlRow> originals, List<FebrlRow> duplicates, bool withIdentifier)
    {
        var watch = Stopwatch.StartNew();
        var index = PersonIndex.Build(originals.Select(r => new PersonRecord(r.Id, r.Particulars(withIdentifier))));
        var buildMs = watch.Elapsed.TotalMilliseconds;
        var queries = duplicates.Select(d => d.Particulars(withIdentifier)).ToList();
        foreach (var query in queries)
        {
            index.Search(query);
        }

        var (answers, latency, inTopTen, refused) = (new List<TopOne>(queries.Count), new Latency(), 0, 0);
        object? example = null;
        for (var i = 0; i < queries.Count; i++)
        {
            var clock = new ThreadClock();
            var result = index.Search(queries[i]);
            var (wall, cpu) = clock.Elapsed;
            latency.Add(wall * 1000, cpu * 1000);
            refused += result.IsRefused ? 1 : 0;
            var best = result.Matches.Count > 0 ? result.Matches[0] : null;
            var truth = duplicates[i].TrueOriginal;
            answers.Add(best is null ? new TopOne(null, 0, false) : new TopOne(best.Record.Id, best.Score, best.Record.Id == truth));
            inTopTen += result.Matches.Any(m => m.Record.Id == truth) ? 1 : 0;
            if (example is null && best is not null && best.Record.Id == truth && best.Explanation.Count(f => f.Agreement is not (Agreement.Exact or Agreement.Missing)) >= 2)
            {
                example = new { Query = duplicates[i], Match = best.Record.Id, Score = Math.Round(best.Score, 2), best.Explanation };
            }
        }

        return new FebrlResult(Linkage.Of(answers, originals.Count), latency.Summary(), latency.P50, latency.P99, latency.WallP50, latency.WallP99, Math.Round(buildMs), inTopTen, refused, example!);
    }

    public static SyntheticResult Synthetic(int persons, int queryCount, int seed, Action<string> say)
    {
        var watch = Stopwatch.StartNew();
        var people = SyntheticPeople.Generate(persons, seed);
        var generateMs = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var index = PersonIndex.Build(people);
        var buildMs = watch.Elapsed.TotalMilliseconds;
        GC.Collect();
        var bytes = GC.GetTotalMemory(forceFullCollection: true);
        say($"  synthetic: {persons:N0} people generated in {generateMs:0} ms, indexed in {buildMs:0} ms ({index.Size.Keys:N0} keys, {index.Size.Postings:N0} postings, {bytes / 1e6:0} MB managed)");

        var random = new Random(seed + 1);
        for (var i = 0; i < 2_000; i++)
        {
            index.Search(SyntheticPeople.Query(people, random).Query);
        }

        var (latency, refused, topOne, answered, candidates, maxCandidates) = (new Latency(), 0, 0, 0, 0L, 0);
        var byKind = new SortedDictionary<string, KindResult>(StringComparer.Ordinal);
        for (var i = 0; i < queryCount; i++)
        {
            var (query, trueId, kind) = SyntheticPeople.Query(people, random);
            var clock = new ThreadClock();
            var result = index.Search(query);
            var (wall, cpu) = clock.Elapsed;
            latency.Add(wall * 1000, cpu * 1000);
            var found = result.Matches.Count > 0 && result.Matches[0].Record.Id == trueId;
            var tally = byKind.GetValueOrDefault(kind) ?? new KindResult(kind, 0, 0, 0);
            byKind[kind] = tally with { Queries = tally.Queries + 1, Refused = tally.Refused + (result.IsRefused ? 1 : 0), TrueTopOne = tally.TrueTopOne + (found ? 1 : 0) };
            if (result.IsRefused)
            {
                refused++;
                continue;
            }

            answered++;
            topOne += found ? 1 : 0;
            candidates += result.CandidatesScored;
            maxCandidates = Math.Max(maxCandidates, result.CandidatesScored);
        }

        return new SyntheticResult(persons, queryCount, Math.Round(generateMs), Math.Round(buildMs), bytes, index.Size.Keys, index.Size.Postings,
            latency.Summary(), latency.P50, latency.P99, refused, topOne, answered, Math.Round((double)candidates / Math.Max(1, answered), 1), maxCandidates, [.. byKind.Values]);
    }
}

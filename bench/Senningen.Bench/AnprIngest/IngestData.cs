using System.Text.Json;
using Senningen.Contracts.Anpr;
using Senningen.Core.Anpr;
using Senningen.Core.Tests.Anpr;

namespace Senningen.Bench.AnprIngest;

/// <summary>
/// The data of the <c>anpr-ingest</c> suite, deterministic by seed from the tests' <see cref="PlateCorpus"/>: a hotlist
/// (plates listed for BE), a pool of plates whose canonical key is on no list (the misses), and batches of reads as a
/// camera gateway sends them (99 % misses, 1 % listed plates read exactly). The first <see cref="ProbeCount"/> listed
/// plates are kept out of the throughput batches: the latency pass sends each of them once, at a known moment.
/// </summary>
internal sealed class IngestData
{
    public const int ProbeCount = 2_000;
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private IngestData(Plate[] listed, Plate[] misses, string[] cameras) => (Listed, Misses, Cameras) = (listed, misses, cameras);

    public Plate[] Listed { get; }

    public Plate[] Misses { get; }

    public string[] Cameras { get; }

    public static IngestData Generate(int listed, int misses, int cameras, int seed)
    {
        var corpus = new PlateCorpus(seed);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var texts = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<Plate>(listed);
        while (list.Count < listed)
        {
            var plate = Plate.Parse(corpus.Next());
            if (texts.Add(plate.Text))
            {
                keys.Add(plate.Key.ToString());
                list.Add(plate);
            }
        }

        var others = new PlateCorpus(seed + 1);
        var pool = new List<Plate>(misses);
        while (pool.Count < misses)
        {
            var plate = Plate.Parse(others.Next());
            if (!keys.Contains(plate.Key.ToString()))
            {
                pool.Add(plate);
            }
        }

        return new IngestData([.. list], [.. pool], [.. Enumerable.Range(0, cameras).Select(i => $"BENCH-{i:000}")]);
    }

    /// <summary>The hotlist as CSV chunks for the import API (one request per chunk, under the node's body limit).</summary>
    public IEnumerable<string> HotlistCsv(int chunk, DateTimeOffset validFrom)
    {
        for (var start = 0; start < Listed.Length; start += chunk)
        {
            var lines = Listed.Skip(start).Take(chunk)
                .Select((p, i) => $"{p.Text},{Category(start + i)},,{validFrom:O},,BE,");
            yield return "plate,category,action,validFrom,validTo,owner,assessment\n" + string.Join('\n', lines) + "\n";
        }
    }

    public static string Category(int i) => (i % 5) switch
    {
        0 => "stolen-vehicle",
        1 => "stolen-plate",
        2 => "wanted-person-vehicle",
        3 => "sis-discreet-check",
        _ => "sis-seizure",
    };

    /// <summary>A batch of <paramref name="size"/> reads: misses, with a listed (non-probe) plate in 1 % of the places.</summary>
    public PlateReadInput[] Batch(Random random, int size, DateTimeOffset observedAt, double listedShare = 0.01)
    {
        var reads = new PlateReadInput[size];
        for (var i = 0; i < size; i++)
        {
            var plate = random.NextDouble() < listedShare
                ? Listed[ProbeCount + random.Next(Listed.Length - ProbeCount)]
                : Misses[random.Next(Misses.Length)];
            reads[i] = Read(Cameras[random.Next(Cameras.Length)], plate.Text, observedAt.AddMilliseconds(i));
        }

        return reads;
    }

    public static PlateReadInput Read(string camera, string plate, DateTimeOffset at) => new(camera, plate, null, null, 0.9, at, null, null);
}

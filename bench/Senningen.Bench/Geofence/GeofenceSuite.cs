using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using Senningen.Core.Geo;

namespace Senningen.Bench.Geofence;

/// <summary>
/// The <c>geofence</c> suite: country lookups per second on one core over 10 M seeded random points in the Benelux
/// box, GeoIndex next to NetTopologySuite (prepared geometry + STRtree, and its point locator) and PostGIS
/// <c>ST_Covers</c>, on the same polygons; every peer's answers are compared with GeoIndex's. A Stopwatch loop with
/// warm-up passes, not BenchmarkDotNet: one lookup is a few nanoseconds and the data set, not a call, is the unit.
/// </summary>
internal static class GeofenceSuite
{
    private const double RateFloor = 10_000_000;
    private const double RatioFloor = 10;
    private const int Seed = 20261123;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<int> RunAsync(string[] args, string repositoryRoot, string resultPath)
    {
        var count = Option(args, "--points", 10_000_000);
        var postgisCount = Option(args, "--postgis-points", 200_000);
        string Read(string file) => File.ReadAllText(Path.Combine(repositoryRoot, "data", "geo", file));
        var countries = Read("countries/osm_countries_BE_NL_LU_FR_DE_10m.geojson");

        var build = Stopwatch.StartNew();
        var index = GeoIndex.Create(countries, Read("combined/control_room_zones_BE_NL_LU.geojson"), Read("countries/osm_border_lines_BE_NL_LU.geojson"));
        var buildMs = build.Elapsed.TotalMilliseconds;
        Say($"geofence: GeoIndex built in {buildMs:0} ms; edge cells {index.EdgeCellShare.Countries:P2} (countries), {index.EdgeCellShare.Zones:P2} (zones)");
        var points = BeneluxPoints.Generate(count, Seed);
        Say($"geofence: {count:N0} points, seed {Seed}, lat {BeneluxPoints.MinLat}–{BeneluxPoints.MaxLat}, lon {BeneluxPoints.MinLon}–{BeneluxPoints.MaxLon}");

        var expected = new int[count];
        var countryPasses = Passes(5, () => CountryPass(index, points, expected));
        Say($"GeoIndex.CountryMaskAt: {Describe(countryPasses)}");
        var zones = new uint[count];
        var zonePasses = Passes(3, () => ZonePass(index, points, zones));
        Say($"GeoIndex.ZoneMaskAt: {Describe(zonePasses)}");
        var locateCount = Math.Min(count, 200_000);
        var distances = new double[locateCount];
        var locatePasses = Passes(1, () => LocatePass(index, points, locateCount, distances));
        Say($"GeoIndex.Locate (country, zone with fallback, border distance) on {locateCount:N0}: {Describe(locatePasses)}");

        var nts = new NtsPeer(countries);
        var prepared = Peer("NTS prepared + STRtree", count, points, expected, nts.MaskByPrepared);
        var locator = Peer("NTS IndexedPointInAreaLocator", count, points, expected, nts.MaskByLocator);
        var postgis = await PostGisAsync(countries, points, expected, Math.Min(count, postgisCount));

        var median = Median(countryPasses.Select(p => p.Cpu));
        var ratio = median / prepared.PerSecond!.Value;
        var floorMet = median >= RateFloor && ratio >= RatioFloor;
        Say($"floor (≥ {RateFloor / 1e6:0} M/s/core and ≥ {RatioFloor:0}× NTS prepared): {(floorMet ? "met" : "NOT MET")} — {median / 1e6:0.0} M/s, {ratio:0.0}×");

        var result = new
        {
            Suite = "geofence",
            RanAt = TimeProvider.System.GetUtcNow(),
            Machine = new { Os = RuntimeInformation.OSDescription, Runtime = RuntimeInformation.FrameworkDescription, Cores = Environment.ProcessorCount },
            Units = "lookups per second on one thread: perSecond/perSecondCpu by that thread's CPU time (per core), perSecondWall by the wall clock, which on a shared machine also counts waiting for a core; a lookup = the set of countries covering one point (boundary counts); agree = same answer as GeoIndex",
            Points = new { count, Seed, Box = new { BeneluxPoints.MinLat, BeneluxPoints.MaxLat, BeneluxPoints.MinLon, BeneluxPoints.MaxLon } },
            GeoIndex = new
            {
                BuildMs = Math.Round(buildMs),
                CellsPerDegree = GeoIndex.DefaultCellsPerDegree,
                EdgeCellShare = new { Countries = Math.Round(index.EdgeCellShare.Countries, 4), Zones = Math.Round(index.EdgeCellShare.Zones, 4) },
                CountryMaskAt = Rates(countryPasses),
                ZoneMaskAt = Rates(zonePasses),
                Locate = new { Points = locateCount, PerSecondCpu = Math.Round(locatePasses[0].Cpu), PerSecondWall = Math.Round(locatePasses[0].Wall) },
            },
            Peers = new[] { prepared, locator }.Concat(postgis).ToList(),
            Ratios = new
            {
                VsNtsPrepared = Math.Round(ratio, 1),
                VsNtsLocator = Math.Round(median / locator.PerSecond!.Value, 1),
                // PostGIS by wall clock on both sides: its backend's CPU time is not visible from here.
                VsPostGisWall = postgis.Where(p => p.PerSecondWall > 0)
                    .Select(p => new { p.Name, Ratio = Math.Round(Median(countryPasses.Select(c => c.Wall)) / p.PerSecondWall!.Value) }).ToList(),
            },
            Floor = new { PerSecond = RateFloor, RatioToNts = RatioFloor, Met = floorMet },
        };
        Directory.CreateDirectory(Path.GetDirectoryName(resultPath)!);
        await File.WriteAllTextAsync(resultPath, JsonSerializer.Serialize(result, Json) + "\n");
        Say($"wrote {resultPath}");
        return prepared.Agree == prepared.Points && locator.Agree == locator.Points && postgis.All(p => p.Agree == p.Points) ? 0 : 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Pass CountryPass(GeoIndex index, BeneluxPoints points, int[] answers)
    {
        var (lats, lons) = (points.Latitudes, points.Longitudes);
        var clock = new ThreadClock();
        for (var i = 0; i < lats.Length; i++)
        {
            answers[i] = (int)index.CountryMaskAt(lats[i], lons[i]);
        }

        return new Pass(lats.Length, clock.Elapsed);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Pass ZonePass(GeoIndex index, BeneluxPoints points, uint[] answers)
    {
        var (lats, lons) = (points.Latitudes, points.Longitudes);
        var clock = new ThreadClock();
        for (var i = 0; i < lats.Length; i++)
        {
            answers[i] = index.ZoneMaskAt(lats[i], lons[i]);
        }

        return new Pass(lats.Length, clock.Elapsed);
    }

    private static Pass LocatePass(GeoIndex index, BeneluxPoints points, int count, double[] answers)
    {
        var clock = new ThreadClock();
        for (var i = 0; i < count; i++)
        {
            answers[i] = index.Locate(GeoPoint.From(points.Latitudes[i], points.Longitudes[i])).BorderDistanceMetres;
        }

        return new Pass(count, clock.Elapsed);
    }

    private static PeerResult Peer(string name, int count, BeneluxPoints points, int[] expected, Func<double, double, int> mask)
    {
        var (lats, lons) = (points.Latitudes, points.Longitudes);
        for (var i = 0; i < Math.Min(count, 200_000); i++)
        {
            mask(lats[i], lons[i]);
        }

        var answers = new int[count];
        var clock = new ThreadClock();
        for (var i = 0; i < count; i++)
        {
            answers[i] = mask(lats[i], lons[i]);
        }

        var pass = new Pass(count, clock.Elapsed);
        var agree = Enumerable.Range(0, count).Count(i => answers[i] == expected[i]);
        var result = new PeerResult(name, count, Math.Round(pass.Cpu), Math.Round(pass.Wall), agree, null);
        Say($"{name}: {result.PerSecond / 1e6:0.000} M/s per core ({result.PerSecondWall / 1e6:0.000} M/s wall) on {count:N0}; agrees with GeoIndex on {agree:N0}");
        return result;
    }

    private static async Task<List<PeerResult>> PostGisAsync(string countries, BeneluxPoints points, int[] expected, int count)
    {
        const string name = "PostGIS ST_Covers";
        var (peer, note) = await PostGisPeer.StartAsync(countries);
        if (peer is null)
        {
            Say($"{name}: {note}");
            return [new PeerResult(name, null, null, null, null, note)];
        }

        await using (peer)
        {
            var version = await peer.VersionAsync();
            var results = new List<PeerResult>();
            foreach (var (table, label, sample) in new[] { ("countries", "as shipped", Math.Min(count, 20_000)), ("countries_split", "ST_Subdivide 256", count) })
            {
                await peer.LocateAsync(points.Latitudes, points.Longitudes, Math.Min(sample, 2_000), table);
                var (seconds, masks) = await peer.LocateAsync(points.Latitudes, points.Longitudes, sample, table);
                var agree = Enumerable.Range(0, sample).Count(i => masks[i] == expected[i]);
                var result = new PeerResult($"{name} ({label})", sample, null, Math.Round(sample / seconds), agree,
                    $"wall clock of the server's one backend (its CPU time is not visible here); PostgreSQL 15, parallel query off, one SQL statement over the first {sample:N0} points (COPY not timed); {string.Join(' ', version.Split(' ').Take(2))}");
                Say($"{result.Name}: {result.PerSecondWall / 1e6:0.000} M/s wall on {sample:N0}; agrees with GeoIndex on {agree:N0}");
                results.Add(result);
            }

            return results;
        }
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
        PassesWall = passes.Select(p => Math.Round(p.Wall)).ToList(),
        NsPerLookupCpu = Math.Round(1e9 / Median(passes.Select(p => p.Cpu)), 2),
    };

    private static string Describe(List<Pass> passes) => string.Create(CultureInfo.InvariantCulture,
        $"median {Median(passes.Select(p => p.Cpu)) / 1e6:0.0} M/s per core, {Median(passes.Select(p => p.Wall)) / 1e6:0.0} M/s wall (per core: {string.Join(", ", passes.Select(p => (p.Cpu / 1e6).ToString("0.0", CultureInfo.InvariantCulture)))})");

    private static double Median(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private static void Say(string line) => Console.WriteLine(line);

    /// <summary>Lookups per second of one pass by this thread's CPU time and by the wall clock.</summary>
    private readonly record struct Pass(double Cpu, double Wall)
    {
        public Pass(int lookups, (double Wall, double Cpu) seconds)
            : this(lookups / seconds.Cpu, lookups / seconds.Wall)
        {
        }
    }

    private sealed record PeerResult(string Name, int? Points, double? PerSecond, double? PerSecondWall, int? Agree, string? Note);
}

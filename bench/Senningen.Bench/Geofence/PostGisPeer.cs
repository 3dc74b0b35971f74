using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Senningen.Core.Countries;

namespace Senningen.Bench.Geofence;

/// <summary>
/// PostGIS <c>ST_Covers</c> on the same country polygons (GiST-indexed) and a sample of the same points, in a throwaway
/// PostgreSQL 15 cluster under /tmp started as the <c>postgres</c> user, parallel query off so the figure is per core.
/// Needs Debian's <c>postgresql-15-postgis-3</c>; without it the peer is skipped with a note.
/// </summary>
internal sealed class PostGisPeer : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private const string Extension = "/usr/share/postgresql/15/extension/postgis.control";
    private const int Port = 55435;

    private readonly string _directory;

    private PostGisPeer(string directory, NpgsqlDataSource source) => (_directory, Source) = (directory, source);

    public NpgsqlDataSource Source { get; }

    /// <summary>The running peer, or null and the reason it cannot run here.</summary>
    public static async Task<(PostGisPeer? Peer, string? Note)> StartAsync(string countriesGeoJson)
    {
        if (!File.Exists(Path.Combine(Bin, "pg_ctl")) || !File.Exists(Extension))
        {
            return (null, $"skipped: PostgreSQL 15 with PostGIS not installed ({Bin}, {Extension}); apt-get install -y postgresql-15-postgis-3");
        }

        var directory = Path.Combine(Path.GetTempPath(), $"senningen-bench-postgis-{Environment.ProcessId}");
        Directory.CreateDirectory(directory);
        var asPostgres = Environment.UserName == "root";
        if (asPostgres)
        {
            await RunAsync("chown", ["postgres:postgres", directory], asPostgres: false);
        }

        var data = Path.Combine(directory, "data");
        await RunAsync(Path.Combine(Bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"], asPostgres);
        await RunAsync(Path.Combine(Bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(directory, "log"), "-w", "-o",
            $"-p {Port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=256MB -c max_parallel_workers_per_gather=0", "start"], asPostgres);
        var source = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Command Timeout=600");
        var peer = new PostGisPeer(directory, source);
        await peer.LoadCountriesAsync(countriesGeoJson);
        return (peer, null);
    }

    public async Task<string> VersionAsync() => (string)(await Source.CreateCommand("SELECT postgis_full_version()").ExecuteScalarAsync())!;

    /// <summary>
    /// Copies the points in (binary COPY, not timed), then times one query that finds each point's countries in
    /// <paramref name="table"/>: <c>countries</c> as shipped, or <c>countries_split</c>, the same polygons cut by
    /// <c>ST_Subdivide</c> into pieces of at most 256 vertices, which is how PostGIS is tuned for large polygons.
    /// </summary>
    public async Task<(double Seconds, int[] Masks)> LocateAsync(double[] latitudes, double[] longitudes, int count, string table)
    {
        await using (var reset = Source.CreateCommand("DROP TABLE IF EXISTS pts; CREATE UNLOGGED TABLE pts (id int PRIMARY KEY, lon float8, lat float8)"))
        {
            await reset.ExecuteNonQueryAsync();
        }

        await using (var connection = await Source.OpenConnectionAsync())
        await using (var copy = await connection.BeginBinaryImportAsync("COPY pts (id, lon, lat) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < count; i++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(i, NpgsqlDbType.Integer);
                await copy.WriteAsync(longitudes[i], NpgsqlDbType.Double);
                await copy.WriteAsync(latitudes[i], NpgsqlDbType.Double);
            }

            await copy.CompleteAsync();
        }

        await using (var analyze = Source.CreateCommand("VACUUM ANALYZE pts"))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        var masks = new int[count];
        // The point is built in the query, as GeoIndex gets bare coordinates; the GiST index finds the candidate countries.
        await using var command = Source.CreateCommand(
            $"SELECT p.id, bit_or(1 << c.bit) FROM pts p JOIN {table} c ON ST_Covers(c.geom, ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326)) GROUP BY p.id");
        var watch = Stopwatch.StartNew();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                masks[reader.GetInt32(0)] = reader.GetInt32(1);
            }
        }

        return (watch.Elapsed.TotalSeconds, masks);
    }

    public async ValueTask DisposeAsync()
    {
        await Source.DisposeAsync();
        await RunAsync(Path.Combine(Bin, "pg_ctl"), ["-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop"], Environment.UserName == "root");
        Directory.Delete(_directory, recursive: true);
    }

    private async Task LoadCountriesAsync(string countriesGeoJson)
    {
        await using (var setup = Source.CreateCommand(
            "CREATE EXTENSION IF NOT EXISTS postgis; CREATE TABLE countries (bit int, iso text, geom geometry(MultiPolygon, 4326))"))
        {
            await setup.ExecuteNonQueryAsync();
        }

        using var document = JsonDocument.Parse(countriesGeoJson);
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            var iso = feature.GetProperty("properties").GetProperty("iso_a2").GetString()!;
            await using var insert = Source.CreateCommand("INSERT INTO countries VALUES ($1, $2, ST_SetSRID(ST_GeomFromGeoJSON($3), 4326))");
            insert.Parameters.AddWithValue(CountryCode.All.ToList().FindIndex(c => c.Value == iso));
            insert.Parameters.AddWithValue(iso);
            insert.Parameters.AddWithValue(feature.GetProperty("geometry").GetRawText());
            await insert.ExecuteNonQueryAsync();
        }

        await using var index = Source.CreateCommand("""
            CREATE INDEX ON countries USING gist (geom);
            CREATE TABLE countries_split AS SELECT bit, iso, ST_Subdivide(geom, 256) AS geom FROM countries;
            CREATE INDEX ON countries_split USING gist (geom);
            ANALYZE countries; ANALYZE countries_split;
            """);
        await index.ExecuteNonQueryAsync();
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp" };
        foreach (var argument in asPostgres ? ["-u", "postgres", "--", file, .. arguments] : arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}

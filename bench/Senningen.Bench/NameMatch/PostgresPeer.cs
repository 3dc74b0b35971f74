using System.Diagnostics;
using Npgsql;

namespace Senningen.Bench.NameMatch;

/// <summary>
/// The PostgreSQL peer: FEBRL 4a in a table of a scratch database (created and dropped here) with <c>pg_trgm</c> GIN
/// indexes on the names and an expression index on <c>dmetaphone(surname)</c>; each 4b record is one query that takes
/// candidates by trigram similarity (<c>%</c>), Double Metaphone, date of birth or identifier, and ranks them by the
/// sum of trigram similarities of names and address, <c>levenshtein</c> closeness of date, postcode and identifier,
/// and a bonus for an equal Double Metaphone. The plain way to do fuzzy person search in SQL.
/// </summary>
internal sealed class PostgresPeer : IAsyncDisposable
{
    private readonly NpgsqlDataSource _admin;
    private readonly string _database;

    private PostgresPeer(NpgsqlDataSource admin, NpgsqlDataSource source, string database) => (_admin, Source, _database) = (admin, source, database);

    public NpgsqlDataSource Source { get; }

    public static async Task<PostgresPeer> StartAsync(string adminConnection, IReadOnlyList<FebrlRow> originals)
    {
        var admin = NpgsqlDataSource.Create(adminConnection);
        var database = $"senningen_name_match_{Environment.ProcessId}";
        await using (var create = admin.CreateCommand($"DROP DATABASE IF EXISTS {database}; CREATE DATABASE {database}"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(adminConnection) { Database = database, CommandTimeout = 600 };
        var peer = new PostgresPeer(admin, NpgsqlDataSource.Create(builder.ConnectionString), database);
        await peer.LoadAsync(originals);
        return peer;
    }

    public async Task<string> VersionAsync() => (string)(await Source.CreateCommand("SELECT version()").ExecuteScalarAsync())!;

    public async Task<(List<TopOne> Answers, Latency Latency)> LinkAsync(IReadOnlyList<FebrlRow> duplicates, bool withIdentifier)
    {
        var sql = withIdentifier ? Sql(IdScore, "OR (soc_sec_id = $7 AND $7 <> '')") : Sql("", "");
        await using var connection = await Source.OpenConnectionAsync();
        var (answers, latency) = (new List<TopOne>(duplicates.Count), new Latency());
        for (var i = 0; i < duplicates.Count; i++)
        {
            var row = duplicates[i];
            await using var command = new NpgsqlCommand(sql, connection);
            foreach (var value in new[] { row.GivenName, row.Surname, row.DateOfBirth, row.Postcode, row.Address1, row.Suburb, row.SocSecId })
            {
                command.Parameters.AddWithValue(value);
            }

            var watch = Stopwatch.StartNew();
            await using var reader = await command.ExecuteReaderAsync();
            var found = await reader.ReadAsync();
            var answer = found ? new TopOne(reader.GetString(0), reader.GetDouble(1), reader.GetString(0) == row.TrueOriginal) : new TopOne(null, 0, false);
            await reader.CloseAsync();
            latency.Add(watch.Elapsed.TotalMilliseconds);
            answers.Add(answer);
        }

        return (answers, latency);
    }

    public async ValueTask DisposeAsync()
    {
        await Source.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using (var drop = _admin.CreateCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)"))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await _admin.DisposeAsync();
    }

    private const string IdScore = "+ CASE WHEN $7 = '' OR soc_sec_id = '' THEN 0 ELSE 1 - least(levenshtein(soc_sec_id, $7), 7)::float8 / 7 END";

    private static string Sql(string idScore, string idCandidate) => $"""
        SELECT id, similarity(given_name, $1) + similarity(surname, $2)
            + CASE WHEN $3 = '' OR dob = '' THEN 0 ELSE 1 - least(levenshtein(dob, $3), 8)::float8 / 8 END
            + CASE WHEN $4 = '' OR postcode = '' THEN 0 ELSE 1 - least(levenshtein(postcode, $4), 4)::float8 / 4 END
            + similarity(address_1, $5) + similarity(suburb, $6)
            {idScore}
            + CASE WHEN $2 <> '' AND dmetaphone(surname) = dmetaphone($2) THEN 0.5 ELSE 0 END AS score
        FROM febrl_a
        WHERE surname % $2 OR given_name % $1 OR (dmetaphone(surname) = dmetaphone($2) AND $2 <> '') OR (dob = $3 AND $3 <> '') {idCandidate}
        ORDER BY score DESC, id
        LIMIT 1
        """;

    private async Task LoadAsync(IReadOnlyList<FebrlRow> originals)
    {
        await using (var setup = Source.CreateCommand("""
            CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
            CREATE TABLE febrl_a (id text PRIMARY KEY, given_name text, surname text, street_number text, address_1 text,
                suburb text, postcode text, dob text, soc_sec_id text)
            """))
        {
            await setup.ExecuteNonQueryAsync();
        }

        await using (var connection = await Source.OpenConnectionAsync())
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY febrl_a (id, given_name, surname, street_number, address_1, suburb, postcode, dob, soc_sec_id) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in originals)
            {
                await copy.WriteRowAsync(default, r.Id, r.GivenName, r.Surname, r.StreetNumber, r.Address1, r.Suburb, r.Postcode, r.DateOfBirth, r.SocSecId);
            }

            await copy.CompleteAsync();
        }

        await using var index = Source.CreateCommand("""
            CREATE INDEX ON febrl_a USING gin (surname gin_trgm_ops);
            CREATE INDEX ON febrl_a USING gin (given_name gin_trgm_ops);
            CREATE INDEX ON febrl_a (dmetaphone(surname));
            CREATE INDEX ON febrl_a (dob);
            CREATE INDEX ON febrl_a (soc_sec_id);
            ANALYZE febrl_a;
            """);
        await index.ExecuteNonQueryAsync();
    }
}

using Npgsql;
using NpgsqlTypes;
using Senningen.Core.Anpr;
using Senningen.Testing;

namespace Senningen.Bench.AnprIngest;

/// <summary>
/// The peer, the plain way: a gateway computes each read's canonical key with Core's <see cref="Plate"/> and writes the
/// batch straight into PostgreSQL in one transaction — binary COPY into a temporary staging table, then one statement
/// that moves the batch into <c>reads</c> and inserts the hits found by joining <c>hotlist</c> on the canonical key
/// (valid window checked), returning them. No HTTP, no per-read rules beyond the key, no audit chain.
/// </summary>
internal sealed class PostgresIngest : IIngestTarget, IAsyncDisposable
{
    public const string Schema = """
        CREATE TABLE hotlist (id bigserial PRIMARY KEY, plate text NOT NULL, canonical_key text NOT NULL, category text NOT NULL,
            owner text NOT NULL, valid_from_ms bigint NOT NULL, valid_to_ms bigint);
        CREATE TABLE reads (id bigserial PRIMARY KEY, camera_id text NOT NULL, plate text NOT NULL, canonical_key text NOT NULL,
            confidence double precision NOT NULL, observed_at_ms bigint NOT NULL, received_at_ms bigint NOT NULL);
        CREATE TABLE hits (id bigserial PRIMARY KEY, read_id bigint NOT NULL, hotlist_id bigint NOT NULL, plate text NOT NULL,
            observed_at_ms bigint NOT NULL, received_at_ms bigint NOT NULL);
        """;

    public const string Indexes = """
        CREATE INDEX hotlist_key ON hotlist (canonical_key);
        CREATE INDEX reads_key_time ON reads (canonical_key, observed_at_ms);
        CREATE INDEX reads_camera_time ON reads (camera_id, observed_at_ms);
        """;

    private const string Match = """
        WITH moved AS (
            INSERT INTO reads (camera_id, plate, canonical_key, confidence, observed_at_ms, received_at_ms)
            SELECT camera_id, plate, canonical_key, confidence, observed_at_ms, received_at_ms FROM staging
            RETURNING id, plate, canonical_key, observed_at_ms, received_at_ms)
        INSERT INTO hits (read_id, hotlist_id, plate, observed_at_ms, received_at_ms)
        SELECT m.id, h.id, m.plate, m.observed_at_ms, m.received_at_ms
        FROM moved m JOIN hotlist h ON h.canonical_key = m.canonical_key
        WHERE h.valid_from_ms <= m.observed_at_ms AND (h.valid_to_ms IS NULL OR h.valid_to_ms > m.observed_at_ms)
        RETURNING plate
        """;

    private readonly TestDatabase _database;
    private readonly NpgsqlDataSource _source;

    private PostgresIngest(TestDatabase database, NpgsqlDataSource source) => (_database, _source) = (database, source);

    public NpgsqlDataSource Source => _source;

    public static async Task<PostgresIngest> StartAsync(IngestData data, string directory, CancellationToken ct)
    {
        var database = await TestDatabase.CreateAsync(Store.Postgres, directory);
        var source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 32 }.ConnectionString);
        await using (var schema = source.CreateCommand(Schema + Indexes))
        {
            await schema.ExecuteNonQueryAsync(ct);
        }

        await using (var connection = await source.OpenConnectionAsync(ct))
        {
            var validFrom = TimeProvider.System.GetUtcNow().AddDays(-1).ToUnixTimeMilliseconds();
            await using (var copy = await connection.BeginBinaryImportAsync(
                "COPY hotlist (plate, canonical_key, category, owner, valid_from_ms) FROM STDIN (FORMAT BINARY)", ct))
            {
                for (var i = 0; i < data.Listed.Length; i++)
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(data.Listed[i].Text, NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(data.Listed[i].Key.ToString(), NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(IngestData.Category(i), NpgsqlDbType.Text, ct);
                    await copy.WriteAsync("BE", NpgsqlDbType.Text, ct);
                    await copy.WriteAsync(validFrom, NpgsqlDbType.Bigint, ct);
                }

                await copy.CompleteAsync(ct);
            }

            await using var analyze = new NpgsqlCommand("ANALYZE hotlist", connection);
            await analyze.ExecuteNonQueryAsync(ct);
        }

        return new PostgresIngest(database, source);
    }

    public async Task<BatchOutcome> SendAsync(PreparedBatch batch, CancellationToken ct)
    {
        await using var connection = await _source.OpenConnectionAsync(ct);
        await using (var staging = new NpgsqlCommand("""
            CREATE TEMP TABLE IF NOT EXISTS staging (camera_id text, plate text, canonical_key text, confidence double precision,
                observed_at_ms bigint, received_at_ms bigint) ON COMMIT DELETE ROWS
            """, connection))
        {
            await staging.ExecuteNonQueryAsync(ct);
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        var received = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        var accepted = 0;
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY staging (camera_id, plate, canonical_key, confidence, observed_at_ms, received_at_ms) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var read in batch.Reads)
            {
                // The gateway's share of the work: normalise and key the plate, as the node does for each read.
                if (!Plate.TryParse(read.Plate, out var plate))
                {
                    continue;
                }

                await copy.StartRowAsync(ct);
                await copy.WriteAsync(read.CameraId!, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(plate.Text, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(plate.Key.ToString(), NpgsqlDbType.Text, ct);
                await copy.WriteAsync(read.Confidence ?? 1, NpgsqlDbType.Double, ct);
                await copy.WriteAsync(read.ObservedAt!.Value.ToUnixTimeMilliseconds(), NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(received, NpgsqlDbType.Bigint, ct);
                accepted++;
            }

            await copy.CompleteAsync(ct);
        }

        var probeHit = false;
        await using (var match = new NpgsqlCommand(Match, connection, transaction))
        await using (var reader = await match.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                probeHit |= batch.Probe is { } p && reader.GetString(0) == p;
            }
        }

        await transaction.CommitAsync(ct);
        return new BatchOutcome(accepted, accepted < batch.Reads.Length, probeHit);
    }

    public async ValueTask DisposeAsync()
    {
        await _source.DisposeAsync();
        await _database.DisposeAsync();
    }
}

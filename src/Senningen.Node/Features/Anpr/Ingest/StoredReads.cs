using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;
using Senningen.Node.Features.Anpr.Runs;

namespace Senningen.Node.Features.Anpr.Ingest;

/// <summary>
/// Writes a batch's police reads in the save's transaction, with no change tracking per read: on PostgreSQL by binary
/// COPY, on SQLite with one prepared INSERT, each read then entered in the runs that find it by plate and camera
/// (ADR 0012).
/// </summary>
internal static class StoredReads
{
    private const string Copy = """
        COPY anpr_reads ("CameraId", "Plate", "CanonicalKey", "Candidates", "Country", "Confidence", "ObservedAtMs", "Lat", "Lon", "ReceivedAtMs")
        FROM STDIN (FORMAT BINARY)
        """;

    private const string Insert = """
        INSERT INTO anpr_reads ("CameraId", "Plate", "CanonicalKey", "Candidates", "Country", "Confidence", "ObservedAtMs", "Lat", "Lon", "ReceivedAtMs")
        VALUES (@camera, @plate, @key, @candidates, @country, @confidence, @observed, @lat, @lon, @received)
        RETURNING "Id"
        """;

    public static async Task<int> InsertAsync(SenningenDbContext db, IReadOnlyList<StoredRead> rows, RunAppender runs, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        if (db.Database.GetDbConnection() is NpgsqlConnection connection)
        {
            return await CopyAsync(connection, rows, ct);
        }

        await using var command = db.CreateCommand(Insert);
        var camera = command.Add("@camera", "");
        var plate = command.Add("@plate", "");
        var key = command.Add("@key", "");
        var candidates = command.Add("@candidates", null);
        var country = command.Add("@country", null);
        var confidence = command.Add("@confidence", 0d);
        var observed = command.Add("@observed", 0L);
        var lat = command.Add("@lat", null);
        var lon = command.Add("@lon", null);
        var received = command.Add("@received", 0L);
        var written = 0;
        foreach (var row in rows)
        {
            camera.Value = row.CameraId;
            plate.Value = row.Plate;
            key.Value = row.CanonicalKey;
            candidates.Value = (object?)row.Candidates ?? DBNull.Value;
            country.Value = (object?)row.Country ?? DBNull.Value;
            confidence.Value = row.Confidence;
            observed.Value = row.ObservedAtMs;
            lat.Value = (object?)row.Lat ?? DBNull.Value;
            lon.Value = (object?)row.Lon ?? DBNull.Value;
            received.Value = row.ReceivedAtMs;
            row.Id = (long)(await command.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException("No id for a stored read."));
            written++;
        }

        await runs.AppendAsync(db, rows, ct);
        return written;
    }

    // COPY runs in the connection's open transaction, so the reads still commit or roll back with their hits and audit entries.
    private static async Task<int> CopyAsync(NpgsqlConnection connection, IReadOnlyList<StoredRead> rows, CancellationToken ct)
    {
        await using var writer = await connection.BeginBinaryImportAsync(Copy, ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(row.CameraId, NpgsqlDbType.Varchar, ct);
            await writer.WriteAsync(row.Plate, NpgsqlDbType.Varchar, ct);
            await writer.WriteAsync(row.CanonicalKey, NpgsqlDbType.Varchar, ct);
            await WriteNullableAsync(writer, row.Candidates, NpgsqlDbType.Varchar, ct);
            await WriteNullableAsync(writer, row.Country, NpgsqlDbType.Varchar, ct);
            await writer.WriteAsync(row.Confidence, NpgsqlDbType.Double, ct);
            await writer.WriteAsync(row.ObservedAtMs, NpgsqlDbType.Bigint, ct);
            await WriteNullableAsync(writer, row.Lat, NpgsqlDbType.Double, ct);
            await WriteNullableAsync(writer, row.Lon, NpgsqlDbType.Double, ct);
            await writer.WriteAsync(row.ReceivedAtMs, NpgsqlDbType.Bigint, ct);
        }

        return (int)await writer.CompleteAsync(ct);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? writer.WriteNullAsync(ct) : writer.WriteAsync(value, type, ct);
}

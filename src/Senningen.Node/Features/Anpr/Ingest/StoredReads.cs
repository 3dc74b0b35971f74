using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;
using Senningen.Node.Features.Anpr.Runs;

namespace Senningen.Node.Features.Anpr.Ingest;

/// <summary>
/// Writes a batch's police reads in the save's transaction, with no change tracking per read: on PostgreSQL by binary
/// COPY, on SQLite with one prepared INSERT driven through SQLite's own API, each read then entered in the runs that find it by plate and camera
/// (ADR 0012).
/// </summary>
internal static class StoredReads
{
    private const string Copy = """
        COPY anpr_reads ("CameraId", "Plate", "CanonicalKey", "Candidates", "Country", "Confidence", "ObservedAtMs", "Lat", "Lon", "ReceivedAtMs")
        FROM STDIN (FORMAT BINARY)
        """;

    private const string Insert = """
        INSERT INTO anpr_reads ("Id", "CameraId", "Plate", "CanonicalKey", "Candidates", "Country", "Confidence", "ObservedAtMs", "Lat", "Lon", "ReceivedAtMs")
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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

        // Ids are given, not returned: the write gate is held, so nothing else inserts reads before this commit.
        await using (var max = db.CreateCommand("""SELECT coalesce(max("Id"), 0) FROM anpr_reads"""))
        {
            var next = (long)(await max.ExecuteScalarAsync(ct) ?? 0L);
            foreach (var row in rows)
            {
                row.Id = ++next;
            }
        }

        using (var insert = new SqliteRowWriter(db.Database.GetDbConnection(), Insert))
        {
            foreach (var row in rows)
            {
                insert.Bind(1, row.Id);
                insert.Bind(2, row.CameraId);
                insert.Bind(3, row.Plate);
                insert.Bind(4, row.CanonicalKey);
                insert.Bind(5, row.Candidates);
                insert.Bind(6, row.Country);
                insert.Bind(7, row.Confidence);
                insert.Bind(8, row.ObservedAt.ToUnixTimeMilliseconds());
                insert.Bind(9, row.Lat);
                insert.Bind(10, row.Lon);
                insert.Bind(11, row.ReceivedAt.ToUnixTimeMilliseconds());
                insert.Step();
            }
        }

        await runs.AppendAsync(db, rows, ct);
        return rows.Count;
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
            await writer.WriteAsync(row.ObservedAt.ToUnixTimeMilliseconds(), NpgsqlDbType.Bigint, ct);
            await WriteNullableAsync(writer, row.Lat, NpgsqlDbType.Double, ct);
            await WriteNullableAsync(writer, row.Lon, NpgsqlDbType.Double, ct);
            await writer.WriteAsync(row.ReceivedAt.ToUnixTimeMilliseconds(), NpgsqlDbType.Bigint, ct);
        }

        return (int)await writer.CompleteAsync(ct);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? writer.WriteNullAsync(ct) : writer.WriteAsync(value, type, ct);
}

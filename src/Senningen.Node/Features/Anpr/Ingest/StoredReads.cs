using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;

namespace Senningen.Node.Features.Anpr.Ingest;

/// <summary>Writes a batch's police reads with one prepared INSERT, in the save's transaction: no change tracking per read.</summary>
internal static class StoredReads
{
    private const string Insert = """
        INSERT INTO anpr_reads ("CameraId", "Plate", "CanonicalKey", "Candidates", "Country", "Confidence", "ObservedAtMs", "Lat", "Lon", "ReceivedAtMs")
        VALUES (@camera, @plate, @key, @candidates, @country, @confidence, @observed, @lat, @lon, @received)
        """;

    public static async Task<int> InsertAsync(SenningenDbContext db, IReadOnlyList<StoredRead> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return 0;
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
            written += await command.ExecuteOneAsync(ct);
        }

        return written;
    }
}

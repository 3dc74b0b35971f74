using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Core.Anpr;
using Senningen.Core.Countries;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;
using Senningen.Node.Features.Anpr.Ingest;
using Senningen.Node.Features.Anpr.Runs;

namespace Senningen.Node.Tests.Anpr;

/// <summary>Stored reads and hits of a given age, written straight to a node's database (ingestion refuses reads that old).</summary>
internal static class HistorySteps
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static StoredRead ReadOf(string plate, DateTimeOffset observedAt, string camera = AnprSteps.PoliceCamera) => new()
    {
        CameraId = camera,
        Plate = Plate.Parse(plate).Text,
        CanonicalKey = Plate.Parse(plate).Key.ToString(),
        Candidates = """[{"plate":"1ABC128","confidence":0.4}]""",
        Confidence = 0.9,
        ObservedAt = observedAt,
        Lat = 51.48,
        Lon = 4.75,
        ReceivedAt = observedAt,
    };

    public static Hit HitOf(string plate, DateTimeOffset observedAt) => new()
    {
        Id = Guid.NewGuid(),
        Plate = plate,
        CanonicalKey = plate,
        ObservedAt = observedAt,
        CameraId = AnprSteps.PoliceCamera,
        CameraName = "E19 Meer test lane",
        EntryId = Guid.NewGuid().ToString(),
        EntryPlate = plate,
        Owner = CountryCode.Netherlands,
        Score = 1,
        ReceivedAt = observedAt,
    };

    public static async Task SeedAsync(TestNode node, IEnumerable<StoredRead> reads, IEnumerable<Hit>? hits = null)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var runs = scope.ServiceProvider.GetRequiredService<RunAppender>();
        // The store's own write path, so that SQLite's runs find the reads as they find ingested ones.
        db.AnprHits.AddRange(hits ?? []);
        await db.SaveChangesAsync(token => StoredReads.InsertAsync(db, [.. reads], runs, token), Ct);
    }

    public static NodeSettings NodeOf(string country) =>
        NodeSettingsReader.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Senningen:Node:Country"] = country,
            ["Senningen:Node:PublicUrl"] = "http://127.0.0.1/",
            ["Senningen:Node:DataDirectory"] = Path.GetTempPath(),
        }).Build());
}

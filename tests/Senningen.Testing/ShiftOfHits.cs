using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Senningen.Contracts.Anpr;

namespace Senningen.Testing;

/// <summary>
/// A compressed shift of ANPR traffic on a test node, through the public API as cameras and the international desk
/// would send it: cameras registered, hotlist entries imported (every category, so every action), and reads of those
/// plates in batches, each read one hit. Deterministic: the same arguments give the same plates, cameras and times.
/// </summary>
public static class ShiftOfHits
{
    /// <summary>The cameras a shift uses, in order; a shift of <c>n</c> cameras takes the first <c>n</c>.</summary>
    public static readonly IReadOnlyList<(string Id, string Name, double Lat, double Lon)> Cameras =
    [
        ("T-SHIFT-1", "E19 Meer", 51.479, 4.750),
        ("T-SHIFT-2", "E40 Jabbeke", 51.181, 3.091),
        ("T-SHIFT-3", "E411 Daussois", 50.224, 4.393),
        ("T-SHIFT-4", "E314 Lanaken", 50.893, 5.647),
        ("T-SHIFT-5", "E25 Sterpenich", 49.654, 5.888),
        ("T-SHIFT-6", "A12 Wilrijk", 51.168, 4.393),
        ("T-SHIFT-7", "E17 Rekkem", 50.782, 3.168),
        ("T-SHIFT-8", "E42 Hensies", 50.433, 3.685),
    ];

    /// <summary>Hotlist categories in the order entries take them (entry <c>i</c> has category <c>i mod 8</c>).</summary>
    public static readonly IReadOnlyList<string> Categories =
    [
        "stolen-vehicle", "stolen-plate", "wanted-person-vehicle", "sis-discreet-check", "sis-inquiry-check", "sis-specific-check",
        "sis-seizure", "be-nl-shared-reference",
    ];

    /// <summary>
    /// The listed plate of entry <paramref name="index"/>: Belgian format, letters and digits chosen so no two entries
    /// share a canonical key (no OCR-confusable letters), so each read hits exactly one entry.
    /// </summary>
    public static string PlateOf(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"1-K{"LMNPRTVX"[index / 1000 % 8]}{"LMNPRTVX"[index / 8000 % 8]}-{index % 1000:000}");

    /// <summary>
    /// Seeds <paramref name="hits"/> hits over <paramref name="entries"/> entries and <paramref name="cameras"/> cameras, seen
    /// over the last <paramref name="over"/> (40 minutes when not given). Read <c>i</c> is of entry <c>i mod entries</c>
    /// at camera <c>(i + i div entries) mod cameras</c>, the oldest first. Returns how long the API took.
    /// </summary>
    public static async Task<TimeSpan> SeedAsync(TestNode node, int hits, int entries = 300, int cameras = 6, TimeSpan? over = null,
        CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cameras, Cameras.Count);
        var took = Stopwatch.StartNew();
        using var admin = await node.SignedInAsync("admin");
        foreach (var (id, name, lat, lon) in Cameras.Take(cameras))
        {
            var camera = await admin.PostAsJsonAsync("api/v1/anpr/cameras",
                new RegisterCameraRequest(id, "Federale Politie", name, lat, lon, "N", "police", null, null), ct);
            await EnsureAsync(camera, ct);
        }

        var csv = new StringBuilder("plate,category,action,validFrom,validTo,owner,assessment\n");
        for (var e = 0; e < entries; e++)
        {
            var category = Categories[e % Categories.Count];
            csv.Append(CultureInfo.InvariantCulture,
                $"{PlateOf(e)},{category},,2026-01-01T00:00:00Z,,BE,{(category == "be-nl-shared-reference" ? "Shift test: shared after assessment" : "")}\n");
        }

        using (var content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"))
        {
            await EnsureAsync(await admin.PostAsync("api/v1/anpr/hotlist/import", content, ct), ct);
        }

        using var gateway = await node.SignedInAsync("officer");
        var end = DateTimeOffset.UtcNow.AddSeconds(-5);
        var step = (over ?? TimeSpan.FromMinutes(40)) / Math.Max(1, hits);
        const int batch = 2_500;
        for (var first = 0; first < hits; first += batch)
        {
            var reads = new List<PlateReadInput>(Math.Min(batch, hits - first));
            for (var i = first; i < hits && i < first + batch; i++)
            {
                // Each pass over the entries moves one camera on, so an entry is seen by every camera in turn.
                var camera = Cameras[(i + (i / entries)) % cameras];
                reads.Add(new PlateReadInput(camera.Id, PlateOf(i % entries), null, "BE", 0.95, end - (step * (hits - 1 - i)), camera.Lat, camera.Lon));
            }

            var response = await gateway.PostAsJsonAsync("api/v1/anpr/reads", reads, ct);
            await EnsureAsync(response, ct);
            var result = (await response.Content.ReadFromJsonAsync<ReadBatchResult>(ct))!;
            if (result.Rejected.Count > 0 || result.Hits.Count != reads.Count)
            {
                throw new InvalidOperationException($"A shift's batch gave {result.Hits.Count} hits for {reads.Count} reads and rejected "
                    + $"{result.Rejected.Count}: {(result.Rejected.Count > 0 ? result.Rejected[0].Problem : "")}");
            }
        }

        return took.Elapsed;
    }

    private static async Task EnsureAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }
    }
}

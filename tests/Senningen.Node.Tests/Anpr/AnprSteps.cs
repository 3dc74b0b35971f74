using System.Net.Http.Json;
using System.Text;
using Senningen.Contracts.Anpr;

namespace Senningen.Node.Tests.Anpr;

/// <summary>The calls an administrator, the international desk and a camera gateway make, with deterministic data.</summary>
internal static class AnprSteps
{
    public const string PoliceCamera = "T-POLICE-1";
    public const string PartnerCamera = "T-PARTNER-1";
    public const string CsvHeader = "plate,category,action,validFrom,validTo,owner,assessment";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A moment the hotlist lines of the tests are valid from: well before any read they send.</summary>
    public static readonly DateTimeOffset ListedSince = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task RegisterCamerasAsync(TestNode node)
    {
        using var admin = await node.SignedInAsync("admin");
        foreach (var request in new[]
        {
            new RegisterCameraRequest(PoliceCamera, "Federale Politie", "E19 Meer test lane", 51.479, 4.750, "N", "police", null, null),
            new RegisterCameraRequest(PartnerCamera, "Parking operator", "Car park test lane", 50.4045, 4.4385, "in", "partner", "TEST-AGREEMENT-1", null),
        })
        {
            var response = await admin.PostAsJsonAsync("api/v1/anpr/cameras", request, Ct);
            response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        }
    }

    public static async Task<HotlistImportReport> ImportCsvAsync(HttpClient client, string csv, bool dryRun = false)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        var response = await client.PostAsync($"api/v1/anpr/hotlist/import{(dryRun ? "?dryRun=true" : "")}", content, Ct);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<HotlistImportReport>(Ct))!;
    }

    public static string Line(string plate, string category, string owner, string? assessment = null) =>
        $"{plate},{category},,{ListedSince:O},,{owner},{(assessment is null ? "" : $"\"{assessment}\"")}";

    public static PlateReadInput Read(string camera, string plate, IReadOnlyList<PlateCandidateInput?>? candidates = null) =>
        new(camera, plate, candidates, null, 0.9, DateTimeOffset.UtcNow.AddSeconds(-5), 51.48, 4.75);

    public static async Task<ReadBatchResult> SendAsync(HttpClient gateway, params PlateReadInput?[] reads)
    {
        var response = await gateway.PostAsJsonAsync("api/v1/anpr/reads", reads, Ct);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<ReadBatchResult>(Ct))!;
    }
}

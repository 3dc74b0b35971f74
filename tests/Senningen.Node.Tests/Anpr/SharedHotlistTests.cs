using Microsoft.EntityFrameworkCore;
using Senningen.Node.Features.Anpr.Data;
using static Senningen.Node.Tests.Anpr.AnprSteps;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Anpr;

/// <summary>
/// Two instances of the Belgian node share one PostgreSQL database: a hotlist import at one reaches the other's matching
/// through the version check, without a restart and without stopping its ingestion.
/// </summary>
public sealed class SharedHotlistTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ImportAtOneInstance_IsMatchedAtTheOther_AndReadsAreStoredOnPostgres()
    {
        var fast = new Dictionary<string, string?> { ["Senningen:Anpr:HotlistPollInterval"] = "00:00:00.200" };
        await using var first = await TestNode.StartAsync(Store.Postgres, "BE", fast);
        var values = first.Settings.ToDictionary(p => p.Key, p => p.Value);
        values["urls"] = "http://127.0.0.1:0";
        await using var second = await TestNode.StartAsync(Store.Postgres, "BE", values);
        await RegisterCamerasAsync(first);
        using var desk = await first.SignedInAsync("liaison");
        using var gateway = await second.SignedInAsync("officer");
        (await SendAsync(gateway, Read(PoliceCamera, "1-SHR-001"), Read(PoliceCamera, "1-SHR-002") with { Lat = null, Lon = null })).Hits.ShouldBeEmpty();

        await ImportCsvAsync(desk, $"{CsvHeader}\n{Line("1-SHR-001", "stolen-vehicle", "BE")}");

        await EventuallyAsync(async () => (await SendAsync(gateway, Read(PoliceCamera, "1-SHR-001"))).Hits.Count == 1,
            "the second instance matches the entry imported at the first");
        var stored = await QueryAsync(first, db => db.AnprReads.CountAsync(r => r.Plate == "1SHR002" && r.Lat == null, Ct));
        stored.ShouldBe(1);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Features.Anpr;
using Senningen.Node.Features.Anpr.Data;
using Senningen.Testing;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Anpr;

/// <summary>The demo's cameras read passing traffic through the real ingest, now and then a listed vehicle; never outside demo mode.</summary>
public sealed class DemoReadStreamTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADemoNode_StreamsReadsFromItsCameras_AndAListedVehicleAmongThemHits()
    {
        await using var node = await TestNode.StartAsync(Store.Sqlite, "BE", new Dictionary<string, string?>
        {
            ["Senningen:Anpr:DemoReadsPerSecond"] = "20",
            ["Senningen:Anpr:DemoListedEvery"] = "10",
        });

        await EventuallyAsync(async () => await QueryAsync(node, db => db.AnprHits.AnyAsync(h => h.Source == CameraSource.Police, Ct)),
            "a demo read of a listed vehicle hits", TimeSpan.FromSeconds(20));
        (await QueryAsync(node, db => db.AnprReads.CountAsync(Ct))).ShouldBeGreaterThan(10);
        var cameras = await QueryAsync(node, db => db.AnprReads.Select(r => r.CameraId).Distinct().ToListAsync(Ct));
        cameras.ShouldAllBe(c => c.StartsWith("BE-", StringComparison.Ordinal));
        (await QueryAsync(node, db => db.AnprReads.CountAsync(r => r.CameraId.Contains("PARTNER"), Ct))).ShouldBe(0);
    }

    [Fact]
    public void DemoReads_OutsideDemoMode_StopTheNodeNamingTheKey()
    {
        var node = NodeSettingsReader.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Senningen:Node:Country"] = "BE",
            ["Senningen:Node:PublicUrl"] = "http://127.0.0.1/",
            ["Senningen:Node:DataDirectory"] = Path.GetTempPath(),
        }).Build());
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Senningen:Anpr:DemoReadsPerSecond"] = "5" }).Build();

        var problem = Should.Throw<ConfigurationProblemException>(() => AnprSettings.Read(configuration, node));

        problem.Problems.ShouldContain(p => p.StartsWith("Senningen:Anpr:DemoReadsPerSecond", StringComparison.Ordinal));
    }
}

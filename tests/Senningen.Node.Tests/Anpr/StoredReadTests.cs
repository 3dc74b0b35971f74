using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Anpr;
using Senningen.Node.Features.Anpr.Data;
using Senningen.Testing;
using static Senningen.Node.Tests.Anpr.AnprSteps;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Anpr;

/// <summary>A police read is stored whole on either store (a prepared INSERT on SQLite, binary COPY on PostgreSQL).</summary>
public sealed class StoredReadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task APoliceRead_IsStoredWithEveryField_AndNullsStayNull(Store store)
    {
        await using var node = await TestNode.StartAsync(store, "BE");
        await RegisterCamerasAsync(node);
        using var gateway = await node.SignedInAsync("officer");
        var observed = DateTimeOffset.UtcNow.AddSeconds(-5);
        var full = Read(PoliceCamera, "1-STO-123", [new PlateCandidateInput("1-ST0-123", 0.4)]) with
        {
            Country = "BE", Confidence = 0.87, ObservedAt = observed, Lat = 51.479, Lon = 4.75,
        };
        var bare = Read(PoliceCamera, "1-STO-124") with { Country = null, Lat = null, Lon = null, ObservedAt = observed };

        (await SendAsync(gateway, full, bare)).Accepted.ShouldBe(2);

        var rows = await QueryAsync(node, db => db.AnprReads.AsNoTracking().OrderBy(r => r.Plate).ToListAsync(Ct));
        rows.Count.ShouldBe(2);
        var (first, second) = (rows[0], rows[1]);
        (first.CameraId, first.Plate, first.Country, first.Confidence, first.Lat, first.Lon).ShouldBe((PoliceCamera, "1STO123", "BE", 0.87, 51.479, 4.75));
        first.ObservedAt.ToUnixTimeMilliseconds().ShouldBe(observed.ToUnixTimeMilliseconds());
        first.CanonicalKey.ShouldBe(Senningen.Core.Anpr.Plate.Parse("1-ST0-I23").Key.ToString());
        first.Candidates.ShouldNotBeNull().ShouldContain("1-ST0-123");
        (second.Country, second.Lat, second.Lon, second.Candidates).ShouldBe((null, null, null, null));
        second.ReceivedAt.ShouldBeGreaterThanOrEqualTo(first.ObservedAt);
    }
}

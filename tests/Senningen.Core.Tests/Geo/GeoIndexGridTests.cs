using Senningen.Core.Geo;

namespace Senningen.Core.Tests.Geo;

/// <summary>
/// The grid is only a shortcut: at any cell size its answers equal the full-ray count over latitude bands. Coarse
/// grids make long runs of edge cells and rays that leave the grid, the paths a fine grid rarely takes.
/// </summary>
public sealed class GeoIndexGridTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(37)]
    [InlineData(100)]
    public void Masks_AtAnyCellSize_EqualTheFullBandCount(int cellsPerDegree)
    {
        var index = GeoIndex.Create(GeoTestData.Regions(GeoTestData.CountriesFile, "iso_a2"), GeoTestData.Regions(GeoTestData.ZonesFile, "zone_id"),
            GeoJsonShapes.ReadLines(GeoTestData.Read(GeoTestData.BordersFile), "pair"), GridBox.Benelux, cellsPerDegree);
        var random = new Random(cellsPerDegree);
        var mismatches = new List<string>();
        for (var i = 0; i < 200_000; i++)
        {
            // A box wider than the grid, so points off the grid are asked too.
            var (lat, lon) = (49.0 + (random.NextDouble() * 5.2), 1.8 + (random.NextDouble() * 6.2));
            if (index.CountryMaskAt(lat, lon) != index.CountryMaskByBands(lat, lon) || index.ZoneMaskAt(lat, lon) != index.ZoneMaskByBands(lat, lon))
            {
                mismatches.Add($"({lat:R}, {lon:R})");
            }
        }

        mismatches.Take(10).ShouldBeEmpty();
    }
}

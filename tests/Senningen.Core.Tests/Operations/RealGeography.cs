using Senningen.Core.Geo;
using Senningen.Core.Operations;

namespace Senningen.Core.Tests.Operations;

/// <summary>The shipped borders and zones, and the shipped routes, for the tests that drive real geometry.</summary>
internal static class RealGeography
{
    /// <summary>The production GeoIndex over the shipped files; NtsGeoLocator stays as an independent oracle.</summary>
    public static IGeoLocator Locator => Geo.GeoTestData.Index;

    public static PursuitRoute Route(string id)
    {
        var path = Path.Combine(NtsGeoLocator.RepositoryRoot(), "data", "routes", id + ".json");
        var parsed = RouteFile.Parse(File.ReadAllText(path));
        return parsed.IsSuccess ? parsed.Route : throw new InvalidDataException($"{path}: {parsed.Problem}");
    }
}

namespace Senningen.Bench.Geofence;

/// <summary>Seeded uniform random points over the bounding box of BE, NL and LU with their territorial seas.</summary>
internal sealed class BeneluxPoints
{
    public const double MinLat = 49.44, MaxLat = 53.75, MinLon = 2.38, MaxLon = 7.23;

    private BeneluxPoints(double[] latitudes, double[] longitudes) => (Latitudes, Longitudes) = (latitudes, longitudes);

    public double[] Latitudes { get; }

    public double[] Longitudes { get; }

    public int Count => Latitudes.Length;

    public static BeneluxPoints Generate(int count, int seed)
    {
        var random = new Random(seed);
        var latitudes = new double[count];
        var longitudes = new double[count];
        for (var i = 0; i < count; i++)
        {
            latitudes[i] = MinLat + (random.NextDouble() * (MaxLat - MinLat));
            longitudes[i] = MinLon + (random.NextDouble() * (MaxLon - MinLon));
        }

        return new BeneluxPoints(latitudes, longitudes);
    }
}

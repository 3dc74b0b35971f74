using System.Text.Json;

namespace Senningen.Core.Geo;

/// <summary>
/// The zone outlines and the shared borders as one GeoJSON FeatureCollection for the console map, drawn offline:
/// vertices closer than about 20 m to the last kept one are dropped and coordinates rounded to about 1 m.
/// Built once at start; every request gets the same bytes.
/// </summary>
public sealed class ZoneMapJson
{
    private const double Tolerance = 0.0002;

    private ZoneMapJson(byte[] utf8)
    {
        Utf8 = utf8;
        Text = System.Text.Encoding.UTF8.GetString(utf8);
    }

    public byte[] Utf8 { get; }

    /// <summary>The same GeoJSON as text, for console pages that hand it to the map.</summary>
    public string Text { get; }

    public static ZoneMapJson Build(IReadOnlyList<GeoRegion> zones, IReadOnlyList<GeoLine> borders)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteStartArray("features");
            foreach (var zone in zones)
            {
                Feature(json, "zone", [("zoneId", zone.Key), ("country", zone.Properties.GetValueOrDefault("country")), ("name", zone.Properties.GetValueOrDefault("name"))]);
                json.WriteString("type", "MultiPolygon");
                json.WriteStartArray("coordinates");
                foreach (var ring in zone.Rings)
                {
                    // Each ring as its own polygon: holes are not needed to draw outlines.
                    json.WriteStartArray();
                    Positions(json, Simplify(ring, closed: true));
                    json.WriteEndArray();
                }

                json.WriteEndArray();
                EndFeature(json);
            }

            foreach (var line in borders)
            {
                Feature(json, "border", [("pair", line.Key)]);
                json.WriteString("type", "LineString");
                Positions(json, Simplify(line.Coordinates, closed: false), "coordinates");
                EndFeature(json);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return new ZoneMapJson(buffer.ToArray());
    }

    private static void Feature(Utf8JsonWriter json, string kind, (string Name, string? Value)[] properties)
    {
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        json.WriteStartObject("properties");
        json.WriteString("kind", kind);
        foreach (var (name, value) in properties)
        {
            json.WriteString(name, value);
        }

        json.WriteEndObject();
        json.WriteStartObject("geometry");
    }

    private static void EndFeature(Utf8JsonWriter json)
    {
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Positions(Utf8JsonWriter json, List<(double X, double Y)> points, string? name = null)
    {
        if (name is null)
        {
            json.WriteStartArray();
        }
        else
        {
            json.WriteStartArray(name);
        }

        foreach (var (x, y) in points)
        {
            json.WriteStartArray();
            json.WriteNumberValue(Math.Round(x, 5));
            json.WriteNumberValue(Math.Round(y, 5));
            json.WriteEndArray();
        }

        json.WriteEndArray();
    }

    private static List<(double X, double Y)> Simplify(double[] coordinates, bool closed)
    {
        var all = Enumerable.Range(0, coordinates.Length / 2).Select(i => (X: coordinates[2 * i], Y: coordinates[(2 * i) + 1])).ToList();
        var kept = new List<(double X, double Y)> { all[0] };
        for (var i = 1; i < all.Count - 1; i++)
        {
            if (Math.Abs(all[i].X - kept[^1].X) > Tolerance || Math.Abs(all[i].Y - kept[^1].Y) > Tolerance)
            {
                kept.Add(all[i]);
            }
        }

        kept.Add(all[^1]);
        return closed && kept.Count < 4 ? all : kept;
    }
}

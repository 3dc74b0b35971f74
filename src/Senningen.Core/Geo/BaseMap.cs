using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace Senningen.Core.Geo;

/// <summary>
/// The console map's offline base layer (<c>data/geo/basemap</c>): place labels (points with a name and a rank, 1 for the
/// largest) and schematic main roads (lines with a road number), checked once at start and kept as compact GeoJSON bytes
/// with a version tag, so every browser gets the same cacheable bytes.
/// </summary>
public sealed class BaseMap
{
    /// <summary>The box every position must lie in: the Benelux and a band into France and Germany.</summary>
    private const double South = 49.0, North = 54.0, West = 2.0, East = 7.7;

    private BaseMap(byte[] utf8, int places, int roads, string attribution)
    {
        Utf8 = utf8;
        using (var buffer = new MemoryStream())
        {
            using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize))
            {
                gzip.Write(utf8);
            }

            Gzip = buffer.ToArray();
        }

        Places = places;
        Roads = roads;
        Attribution = attribution;
        Version = Convert.ToHexStringLower(SHA256.HashData(utf8))[..16];
    }

    public byte[] Utf8 { get; }

    /// <summary>The same bytes gzip-compressed, for browsers that accept it (about a ninth of the size).</summary>
    public byte[] Gzip { get; }

    public int Places { get; }

    public int Roads { get; }

    /// <summary>The layer's own credit line (sources and licence), as the file states it.</summary>
    public string Attribution { get; }

    /// <summary>A short hash of the bytes: the map asks for the layer with it, so a new layer is never read from a stale cache.</summary>
    public string Version { get; }

    /// <summary>Reads the file's text; throws <see cref="FormatException"/> naming the feature and the rule when it is malformed.</summary>
    public static BaseMap Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"base map: not JSON ({e.Message})", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("base map: not a GeoJSON FeatureCollection: the 'features' array is missing.");
            }

            var attribution = root.TryGetProperty("attribution", out var a) && a.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(a.GetString())
                ? a.GetString()!
                : throw new FormatException("base map: the 'attribution' (sources and licence) is missing.");
            var (places, roads) = (0, 0);
            var index = 0;
            foreach (var feature in features.EnumerateArray())
            {
                if (Check(feature, index++))
                {
                    places++;
                }
                else
                {
                    roads++;
                }
            }

            if (places == 0 || roads == 0)
            {
                throw new FormatException("base map: the layer needs places and roads.");
            }

            // Written again without indentation: the file stays readable in the repository, the browser gets the short form.
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                root.WriteTo(writer);
            }

            return new BaseMap(buffer.ToArray(), places, roads, attribution);
        }
    }

    // True for a place, false for a road.
    private static bool Check(JsonElement feature, int index)
    {
        var where = string.Create(CultureInfo.InvariantCulture, $"base map: feature #{index}");
        if (feature.ValueKind != JsonValueKind.Object || !feature.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object
            || !feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object
            || !geometry.TryGetProperty("coordinates", out var coordinates))
        {
            throw new FormatException($"{where}: properties, geometry and coordinates are required.");
        }

        var type = geometry.TryGetProperty("type", out var t) ? t.GetString() : null;
        switch (String(properties, "kind"))
        {
            case "place" when type == "Point":
                Required(properties, "name", where);
                if (!properties.TryGetProperty("rank", out var rank) || !rank.TryGetInt32(out var r) || r is < 1 or > 3)
                {
                    throw new FormatException($"{where}: a place's rank must be 1, 2 or 3.");
                }

                Position(coordinates, where);
                return true;
            case "road" when type == "LineString":
                Required(properties, "ref", where);
                if (coordinates.ValueKind != JsonValueKind.Array || coordinates.GetArrayLength() < 2)
                {
                    throw new FormatException($"{where}: a road needs at least two positions.");
                }

                foreach (var position in coordinates.EnumerateArray())
                {
                    Position(position, where);
                }

                return false;
            default:
                throw new FormatException($"{where}: kind must be 'place' (a Point) or 'road' (a LineString).");
        }
    }

    private static string? String(JsonElement properties, string name) =>
        properties.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void Required(JsonElement properties, string name, string where)
    {
        if (string.IsNullOrWhiteSpace(String(properties, name)))
        {
            throw new FormatException($"{where}: '{name}' is missing.");
        }
    }

    private static void Position(JsonElement position, string where)
    {
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
            || !position[0].TryGetDouble(out var lon) || !position[1].TryGetDouble(out var lat)
            || lon is < West or > East || lat is < South or > North)
        {
            throw new FormatException($"{where}: a position is not a [longitude, latitude] pair within the Benelux and its border band.");
        }
    }
}

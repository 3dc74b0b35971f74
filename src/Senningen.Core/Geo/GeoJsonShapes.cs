using System.Globalization;
using System.Text.Json;

namespace Senningen.Core.Geo;

/// <summary>
/// Reads the shipped GeoJSON layers (RFC 7946, [lon, lat]) into <see cref="GeoRegion"/>s and <see cref="GeoLine"/>s.
/// Pure: the caller reads the file. A malformed layer is a broken deployment, so it throws <see cref="FormatException"/>
/// naming the feature and the rule, for the node to stop with.
/// </summary>
public static class GeoJsonShapes
{
    /// <summary>Every Polygon or MultiPolygon feature, keyed by the string property <paramref name="keyProperty"/>, in file order.</summary>
    public static IReadOnlyList<GeoRegion> ReadRegions(string json, string keyProperty)
    {
        using var document = Parse(json);
        var regions = new List<GeoRegion>();
        foreach (var (feature, index) in Features(document))
        {
            var (key, properties) = Properties(feature, keyProperty, index);
            var geometry = Member(feature, "geometry", index);
            var rings = new List<double[]>();
            switch (Text(geometry, "type", index))
            {
                case "Polygon":
                    AddPolygon(Member(geometry, "coordinates", index), rings, key);
                    break;
                case "MultiPolygon":
                    foreach (var polygon in Member(geometry, "coordinates", index).EnumerateArray())
                    {
                        AddPolygon(polygon, rings, key);
                    }

                    break;
                default:
                    throw new FormatException($"feature '{key}': geometry must be a Polygon or MultiPolygon.");
            }

            regions.Add(new GeoRegion(key, properties, rings));
        }

        return regions;
    }

    /// <summary>Every LineString feature, keyed by <paramref name="keyProperty"/>, in file order.</summary>
    public static IReadOnlyList<GeoLine> ReadLines(string json, string keyProperty)
    {
        using var document = Parse(json);
        var lines = new List<GeoLine>();
        foreach (var (feature, index) in Features(document))
        {
            var (key, properties) = Properties(feature, keyProperty, index);
            var geometry = Member(feature, "geometry", index);
            if (Text(geometry, "type", index) != "LineString")
            {
                throw new FormatException($"feature '{key}': geometry must be a LineString.");
            }

            var coordinates = Positions(Member(geometry, "coordinates", index), key);
            if (coordinates.Length < 4)
            {
                throw new FormatException($"feature '{key}': a line needs at least two positions.");
            }

            lines.Add(new GeoLine(key, properties, coordinates));
        }

        return lines;
    }

    private static JsonDocument Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"not JSON: {e.Message}", e);
        }
    }

    private static IEnumerable<(JsonElement Feature, int Index)> Features(JsonDocument document)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("not a GeoJSON FeatureCollection: the 'features' array is missing.");
        }

        var index = 0;
        foreach (var feature in features.EnumerateArray())
        {
            yield return (feature, index++);
        }
    }

    private static (string Key, IReadOnlyDictionary<string, string> Properties) Properties(JsonElement feature, string keyProperty, int index)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in Member(feature, "properties", index).EnumerateObject())
        {
            properties[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
        }

        if (!properties.TryGetValue(keyProperty, out var key) || string.IsNullOrWhiteSpace(key))
        {
            throw new FormatException($"feature #{index}: the property '{keyProperty}' is missing.");
        }

        return (key, properties);
    }

    private static void AddPolygon(JsonElement polygon, List<double[]> rings, string key)
    {
        if (polygon.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"feature '{key}': a polygon must be an array of rings.");
        }

        foreach (var ring in polygon.EnumerateArray())
        {
            var coordinates = Positions(ring, key);
            var n = coordinates.Length;
            if (n < 8 || coordinates[0] != coordinates[n - 2] || coordinates[1] != coordinates[n - 1])
            {
                throw new FormatException($"feature '{key}': every ring must be closed and have at least four positions.");
            }

            rings.Add(coordinates);
        }
    }

    private static double[] Positions(JsonElement array, string key)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"feature '{key}': coordinates must be an array of positions.");
        }

        var result = new double[array.GetArrayLength() * 2];
        var i = 0;
        foreach (var position in array.EnumerateArray())
        {
            if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
                || !position[0].TryGetDouble(out var lon) || !position[1].TryGetDouble(out var lat)
                || !double.IsFinite(lon) || !double.IsFinite(lat) || lon is < -180 or > 180 || lat is < -90 or > 90)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"feature '{key}': position #{i / 2} is not a [longitude, latitude] pair in range."));
            }

            result[i++] = lon;
            result[i++] = lat;
        }

        return result;
    }

    private static JsonElement Member(JsonElement element, string name, int index) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new FormatException($"feature #{index}: '{name}' is missing.");

    private static string Text(JsonElement element, string name, int index) =>
        Member(element, name, index) is { ValueKind: JsonValueKind.String } value ? value.GetString()! : throw new FormatException($"feature #{index}: '{name}' must be a string.");
}

namespace Senningen.Node.Common.Configuration;

/// <summary>The console map's base layer.</summary>
internal sealed partial class NodeSettingsReader
{
    private static readonly string[] TilePlaceholders = ["{z}", "{x}", "{y}"];

    private MapSettings ReadMap()
    {
        const string urlKey = "Senningen:Map:TileUrl";
        var url = configuration[urlKey];
        var attribution = configuration["Senningen:Map:TileAttribution"];
        if (string.IsNullOrWhiteSpace(url))
        {
            // No tile server: the map draws the shipped borders and zones only, which works on a closed network.
            return new MapSettings(null, null);
        }

        url = url.Trim();
        var missing = TilePlaceholders.Where(p => !url.Contains(p, StringComparison.Ordinal)).ToList();
        // Leaflet fills {s} (subdomain) and {r} (retina) too; a sample tile address must then be an absolute http(s) URL.
        var sample = url.Replace("{s}", "a", StringComparison.Ordinal).Replace("{r}", "", StringComparison.Ordinal)
            .Replace("{z}", "0", StringComparison.Ordinal).Replace("{x}", "0", StringComparison.Ordinal).Replace("{y}", "0", StringComparison.Ordinal);
        if (!Uri.TryCreate(sample, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            _problems.Add($"{urlKey} = '{url}' is not an absolute http or https tile URL template such as https://tile.example.org/{{z}}/{{x}}/{{y}}.png.");
        }
        else if (missing.Count > 0)
        {
            _problems.Add($"{urlKey} = '{url}' lacks {string.Join(", ", missing)}: a tile URL template needs {{z}}, {{x}} and {{y}}.");
        }

        return new MapSettings(url, string.IsNullOrWhiteSpace(attribution) ? null : attribution.Trim());
    }
}

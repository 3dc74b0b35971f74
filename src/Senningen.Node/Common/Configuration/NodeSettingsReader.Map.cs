using System.Net;
using System.Text.RegularExpressions;

namespace Senningen.Node.Common.Configuration;

/// <summary>The console map's base layer: the shipped offline layer, or a production tile service (XYZ or WMTS REST).</summary>
internal sealed partial class NodeSettingsReader
{
    private const string TileUrlKey = "Senningen:Map:TileUrl";
    private const string TileKindKey = "Senningen:Map:TileKind";

    // What each kind of template must name, and what Leaflet's own placeholder is for each WMTS one.
    private static readonly string[] XyzPlaceholders = ["{z}", "{x}", "{y}"];
    private static readonly (string Wmts, string Leaflet)[] WmtsPlaceholders = [("{TileMatrix}", "{z}"), ("{TileCol}", "{x}"), ("{TileRow}", "{y}")];

    private MapSettings ReadMap()
    {
        var url = configuration[TileUrlKey]?.Trim();
        if (string.IsNullOrEmpty(url))
        {
            // No tile service: the map draws the shipped base layer, borders and zones, which works on a closed network.
            return new MapSettings(null);
        }

        var kind = ReadTileKind();
        var leafletUrl = kind == TileServiceKind.Wmts ? WmtsToLeaflet(url) : url;
        var required = kind == TileServiceKind.Wmts ? [.. WmtsPlaceholders.Select(p => p.Wmts)] : XyzPlaceholders;
        var missing = required.Where(p => !url.Contains(p, StringComparison.Ordinal)).ToList();
        var unknown = Placeholder().Matches(leafletUrl).Select(m => m.Value).Where(p => p is not ("{z}" or "{x}" or "{y}" or "{s}" or "{r}")).Distinct().ToList();
        if (!Uri.TryCreate(Placeholder().Replace(leafletUrl, "0"), UriKind.Absolute, out var sample) || (sample.Scheme != Uri.UriSchemeHttps && sample.Scheme != Uri.UriSchemeHttp))
        {
            _problems.Add($"{TileUrlKey} = '{url}' is not an absolute https URL template such as https://tiles.example.org/{{z}}/{{x}}/{{y}}.png.");
        }
        else if (sample.Scheme == Uri.UriSchemeHttp && !IsLoopback(sample))
        {
            _problems.Add($"{TileUrlKey} = '{url}' uses plain http: a tile service is reached over https (http only on this machine's loopback address).");
        }
        else if (missing.Count > 0)
        {
            _problems.Add(kind == TileServiceKind.Wmts
                ? $"{TileUrlKey} = '{url}' lacks {string.Join(", ", missing)}: a WMTS REST template ({TileKindKey}=wmts) needs {{TileMatrix}}, {{TileRow}} and {{TileCol}}."
                : $"{TileUrlKey} = '{url}' lacks {string.Join(", ", missing)}: a tile URL template needs {{z}}, {{x}} and {{y}}"
                    + $" (or set {TileKindKey}=wmts for a WMTS REST template with {{TileMatrix}}, {{TileRow}} and {{TileCol}}).");
        }
        else if (unknown.Count > 0)
        {
            _problems.Add($"{TileUrlKey} = '{url}' has {string.Join(", ", unknown)}, which the map cannot fill in: write the layer, style and tile matrix set"
                + " (e.g. EPSG:3857) into the template.");
        }

        var attribution = configuration["Senningen:Map:TileAttribution"]?.Trim();
        if (string.IsNullOrEmpty(attribution))
        {
            _problems.Add($"Senningen:Map:TileAttribution is missing: the tile service's licence asks for its credit on the map (e.g. \"Kaartgegevens © Kadaster\").");
        }

        var maxZoom = (int)ReadLong("Senningen:Map:TileMaxZoom", 19, 1, 22);
        var subdomains = configuration["Senningen:Map:TileSubdomains"]?.Trim();
        if (string.IsNullOrEmpty(subdomains))
        {
            subdomains = null;
        }
        else if (!subdomains.All(char.IsAsciiLetterOrDigit) || !url.Contains("{s}", StringComparison.Ordinal))
        {
            _problems.Add($"Senningen:Map:TileSubdomains = '{subdomains}' is not valid: expected letters or digits, one per host (e.g. abc or 1234),"
                + $" and a {{s}} in {TileUrlKey} to put them in.");
        }

        return new MapSettings(new TileLayerSettings(kind, url, leafletUrl, attribution ?? "", maxZoom, subdomains));
    }

    private TileServiceKind ReadTileKind()
    {
        var text = configuration[TileKindKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return TileServiceKind.Xyz;
        }

        if (text.Trim().All(char.IsAsciiLetter) && Enum.TryParse<TileServiceKind>(text.Trim(), ignoreCase: true, out var kind))
        {
            return kind;
        }

        _problems.Add($"{TileKindKey} = '{text}' is not valid: expected xyz or wmts.");
        return TileServiceKind.Xyz;
    }

    private static string WmtsToLeaflet(string url)
    {
        foreach (var (wmts, leaflet) in WmtsPlaceholders)
        {
            url = url.Replace(wmts, leaflet, StringComparison.Ordinal);
        }

        return url;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Placeholder();
}

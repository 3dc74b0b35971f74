using Senningen.Core.Geo;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Geo.Public;

/// <summary>
/// A control-room zone's name (the province, police unit or country it covers) in a language, for any page that would
/// otherwise show its code (BE-VAN, NL-RE08): "Antwerpen" / "Anvers" / "Antwerp", "Zeeland-West-Brabant".
/// </summary>
public sealed class ZoneNames(ControlRoomDirectory rooms)
{
    /// <summary>The zone's name in <paramref name="language"/> (nl, fr, de, en; "fr-BE" works); the code itself for a zone the data does not list.</summary>
    public string Name(string? zoneId, string language) =>
        rooms.ForZone(zoneId) is { } room ? room.ZoneName.Get(language) : zoneId ?? "";

    /// <summary>The zone's name in the current user's language.</summary>
    public string Name(string? zoneId) => Name(zoneId, Texts.CurrentLanguage);

    /// <summary>Every zone's name in <paramref name="language"/>, by zone id, for a map's tooltips and legend.</summary>
    public IReadOnlyDictionary<string, string> All(string language) =>
        rooms.All.ToDictionary(r => r.ZoneId, r => r.ZoneName.Get(language), StringComparer.Ordinal);
}

using Senningen.Core.Countries;
using Senningen.Core.Treaty;

namespace Senningen.Node.Features.Operations;

/// <summary>A control-room zone as operations need it: its country and its control room's name in four languages.</summary>
public sealed record ZoneInfo(string ZoneId, CountryCode Country, LocalizedText ControlRoom);

/// <summary>The shared radio talk group for a border area; values are placeholders until each country fills them in.</summary>
public sealed record TalkGroupInfo(string Name, bool IsPlaceholder);

/// <summary>
/// The zones and control rooms operations route to, and the talk group a visiting unit uses in a zone. Built from the
/// shipped geography at start; read-only afterwards.
/// </summary>
public sealed class ZoneDirectory(IReadOnlyList<ZoneInfo> zones, Func<string, CountryCode, TalkGroupInfo?> talkGroups)
{
    private readonly Dictionary<string, ZoneInfo> _byId = zones.ToDictionary(z => z.ZoneId, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> ZonesOf(CountryCode country) => [.. zones.Where(z => z.Country == country).Select(z => z.ZoneId)];

    /// <summary>The zone to use when a start request names none: only a country with a single zone (LU) has one.</summary>
    public string? DefaultZone(CountryCode country) => ZonesOf(country) is [var only] ? only : null;

    public bool IsZoneOf(CountryCode country, string zoneId) => _byId.TryGetValue(zoneId, out var z) && z.Country == country;

    public CountryCode? CountryOfZone(string zoneId) => _byId.TryGetValue(zoneId, out var z) ? z.Country : null;

    public string ControlRoomName(string zoneId, string language) =>
        _byId.TryGetValue(zoneId, out var z) ? z.ControlRoom.Get(language) : zoneId;

    public TalkGroupInfo? TalkGroup(string zoneId, CountryCode visiting) => talkGroups(zoneId, visiting);
}

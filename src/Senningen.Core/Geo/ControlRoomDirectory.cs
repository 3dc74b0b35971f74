using System.Text.Json;
using Senningen.Core.Countries;
using Senningen.Core.Treaty;

namespace Senningen.Core.Geo;

/// <summary>One way to reach a control room. <see cref="Placeholder"/> true: a fake value the country has not filled in yet.</summary>
public sealed record ControlRoomContact(string Kind, string Value, bool Placeholder);

/// <summary>
/// The control room that answers for a zone, its name in the four languages and the node of its country, and the zone's
/// own name (the province, police unit or country it covers) in the four languages.
/// </summary>
public sealed record ControlRoom(string ZoneId, CountryCode Country, CountryCode Node, LocalizedText Name, bool NameVerified,
    IReadOnlyList<ControlRoomContact> Contacts, LocalizedText ZoneName)
{
    public bool HasPlaceholders => Contacts.Any(c => c.Placeholder);
}

/// <summary>The control rooms of <c>data/geo/control-rooms.json</c>, one per zone.</summary>
public sealed class ControlRoomDirectory
{
    private readonly Dictionary<string, ControlRoom> _byZone;

    private ControlRoomDirectory(IReadOnlyList<ControlRoom> all) =>
        (All, _byZone) = (all, all.ToDictionary(r => r.ZoneId, StringComparer.Ordinal));

    public IReadOnlyList<ControlRoom> All { get; }

    /// <summary>The control room of <paramref name="zoneId"/>, or null for a zone the file does not list.</summary>
    public ControlRoom? ForZone(string? zoneId) => zoneId is not null && _byZone.TryGetValue(zoneId, out var room) ? room : null;

    /// <summary>Reads the file's text; throws <see cref="FormatException"/> naming the entry and the rule when it is malformed.</summary>
    public static ControlRoomDirectory Parse(string json)
    {
        var file = GeoDataJson.Deserialize<ControlRoomsFile>(json, "control rooms");
        var rooms = new List<ControlRoom>();
        foreach (var (entry, i) in (file.ControlRooms ?? []).Select((e, i) => (e, i)))
        {
            var where = $"control rooms: entry #{i} ({entry.ZoneId ?? "no zoneId"})";
            if (string.IsNullOrWhiteSpace(entry.ZoneId) || rooms.Any(r => r.ZoneId == entry.ZoneId))
            {
                throw new FormatException($"{where}: zoneId must be present and unique.");
            }

            rooms.Add(new ControlRoom(entry.ZoneId, GeoDataJson.Party(entry.Country, where, "country"), GeoDataJson.Party(entry.Node, where, "node"),
                GeoDataJson.Text(entry.Name, where), entry.NameVerified,
                [.. (entry.Contacts ?? []).Select(c => new ControlRoomContact(
                    GeoDataJson.Required(c.Kind, where, "contact kind"), GeoDataJson.Required(c.Value, where, "contact value"), c.Placeholder))],
                GeoDataJson.Text(entry.ZoneName, $"{where} zoneName")));
        }

        return rooms.Count > 0 ? new ControlRoomDirectory(rooms) : throw new FormatException("control rooms: the file lists none.");
    }

    private sealed record ControlRoomsFile(List<ControlRoomEntry>? ControlRooms);

    private sealed record ControlRoomEntry(string? ZoneId, string? Country, string? Node, Dictionary<string, string>? Name, bool NameVerified,
        List<ContactEntry>? Contacts, Dictionary<string, string>? ZoneName);

    private sealed record ContactEntry(string? Kind, string? Value, bool Placeholder);
}

/// <summary>Shared reading rules of the geo data files.</summary>
internal static class GeoDataJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static T Deserialize<T>(string json, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? throw new FormatException($"{what}: the file is empty.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{what}: not valid JSON ({e.Message})", e);
        }
    }

    public static string Required(string? value, string where, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new FormatException($"{where}: {field} is missing.") : value;

    public static CountryCode Party(string? value, string where, string field) =>
        CountryCode.TryParseParty(value, out var code) ? code : throw new FormatException($"{where}: {field} must be BE, NL or LU.");

    public static LocalizedText Text(Dictionary<string, string>? texts, string where)
    {
        string Get(string language) => texts is not null && texts.TryGetValue(language, out var t) && !string.IsNullOrWhiteSpace(t)
            ? t
            : throw new FormatException($"{where}: the name in '{language}' is missing.");
        return new LocalizedText(Get(Language.Dutch), Get(Language.French), Get(Language.German), Get(Language.English));
    }
}

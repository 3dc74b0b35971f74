using Senningen.Core.Countries;
using Senningen.Core.Treaty;

namespace Senningen.Core.Geo;

/// <summary>
/// A border area between two treaty parties: the zones that meet there on each side and the radio talk group both
/// sides share. <see cref="Placeholder"/> true: the talk group is a fake value the countries have not agreed yet.
/// </summary>
public sealed record BorderTalkGroup(string Id, string Pair, LocalizedText Name, IReadOnlyDictionary<CountryCode, IReadOnlyList<string>> Zones,
    string TalkGroupName, string TalkGroupId, bool Placeholder);

/// <summary>The border areas and talk groups of <c>data/geo/talk-groups.json</c>.</summary>
public sealed class TalkGroupDirectory
{
    private TalkGroupDirectory(IReadOnlyList<BorderTalkGroup> all) => All = all;

    public IReadOnlyList<BorderTalkGroup> All { get; }

    /// <summary>
    /// The talk groups for an officer of <paramref name="home"/> who enters <paramref name="zoneEntered"/> of another
    /// country: every border area with that zone on one side and <paramref name="home"/> on the other, in file order
    /// (a zone on a long border, like BE-VAN, meets more than one area). Empty inside the home country.
    /// </summary>
    public IReadOnlyList<BorderTalkGroup> For(string zoneEntered, CountryCode home) =>
        [.. All.Where(a => a.Zones.ContainsKey(home) && a.Zones.Any(side => side.Key != home && side.Value.Contains(zoneEntered, StringComparer.Ordinal)))];

    /// <summary>Reads the file's text; throws <see cref="FormatException"/> naming the area and the rule when it is malformed.</summary>
    public static TalkGroupDirectory Parse(string json)
    {
        var file = GeoDataJson.Deserialize<TalkGroupsFile>(json, "talk groups");
        var areas = new List<BorderTalkGroup>();
        foreach (var (entry, i) in (file.BorderAreas ?? []).Select((e, i) => (e, i)))
        {
            var where = $"talk groups: area #{i} ({entry.Id ?? "no id"})";
            var id = GeoDataJson.Required(entry.Id, where, "id");
            var pair = GeoDataJson.Required(entry.Pair, where, "pair");
            var sides = pair.Split('|');
            if (sides.Length != 2 || entry.Zones is null || entry.Zones.Count != 2 || !sides.All(entry.Zones.ContainsKey))
            {
                throw new FormatException($"{where}: pair must name two treaty parties like BE|NL, and zones list the zones of exactly those two.");
            }

            var zones = sides.ToDictionary(s => GeoDataJson.Party(s, where, "pair"),
                s => (IReadOnlyList<string>)[.. entry.Zones[s].Where(z => !string.IsNullOrWhiteSpace(z))]);
            var talkGroup = entry.TalkGroup ?? throw new FormatException($"{where}: talkGroup is missing.");
            areas.Add(new BorderTalkGroup(id, pair, GeoDataJson.Text(entry.Name, where), zones,
                GeoDataJson.Required(talkGroup.Name, where, "talkGroup.name"), GeoDataJson.Required(talkGroup.Id, where, "talkGroup.id"), talkGroup.Placeholder));
        }

        return areas.Count > 0 ? new TalkGroupDirectory(areas) : throw new FormatException("talk groups: the file lists no border area.");
    }

    private sealed record TalkGroupsFile(List<AreaEntry>? BorderAreas);

    private sealed record AreaEntry(string? Id, string? Pair, Dictionary<string, string>? Name, Dictionary<string, List<string>>? Zones, TalkGroupEntry? TalkGroup);

    private sealed record TalkGroupEntry(string? Name, string? Id, bool Placeholder);
}

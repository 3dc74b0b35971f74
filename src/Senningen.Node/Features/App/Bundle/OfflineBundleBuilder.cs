using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Senningen.Contracts.Treaty;
using Senningen.Core.Countries;
using Senningen.Core.Geo;
using Senningen.Core.Treaty;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Localization;
using Senningen.Node.Features.Treaty.Public;

namespace Senningen.Node.Features.App.Bundle;

/// <summary>Builds the <see cref="OfflineBundle"/> from the node's catalogue, field guide, directories, outlines and texts.</summary>
internal sealed class OfflineBundleBuilder(TreatyCatalogue catalogue, FieldGuide guide, ControlRoomDirectory rooms, TalkGroupDirectory talkGroups,
    PhoneOutlines outlines, Texts texts, NodeSettings settings, AppSettings app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public OfflineBundle Build(DateTimeOffset now)
    {
        using var outlineDocument = JsonDocument.Parse(outlines.Json);
        var bodies = Texts.Languages.ToDictionary(l => l, l => Body(l, outlineDocument.RootElement));
        var version = Convert.ToHexStringLower(SHA256.HashData(bodies.Values.SelectMany(b => JsonSerializer.SerializeToUtf8Bytes(b, Json)).ToArray()))[..16];
        var encoded = bodies.ToDictionary(b => b.Key, b => OfflineBundle.Encoded.From(JsonSerializer.SerializeToUtf8Bytes(b.Value with { Version = version, PublishedAt = now }, Json)));
        return new OfflineBundle(version, now, encoded);
    }

    private BundleBody Body(string language, JsonElement shapes)
    {
        var missionIds = guide.MissionKinds.SelectMany(k => k.Missions).ToHashSet(StringComparer.Ordinal);
        return new BundleBody(
            "", null, language, settings.Country.Value, app.StaleAfterDays,
            new SortedDictionary<string, string>(texts.Keys(language).Where(Shown).ToDictionary(k => k, k => texts.Get(language, k)), StringComparer.Ordinal),
            [.. guide.MissionKinds.Select(k => new KindView(k.Id, texts.Get(language, $"app.kind.{k.Id}"), k.Missions))],
            [.. catalogue.MissionTypes.Where(m => missionIds.Contains(m.Id)).Select(m => m.ToView(language))],
            [.. catalogue.Rules.Where(r => r.Acting == settings.Country && missionIds.Contains(r.MissionId)).Select(r => r.ToView(language))],
            [.. rooms.All.Select(r => new RoomView(r.ZoneId, r.ZoneName.Get(language), r.Country.Value, r.Name.Get(language), r.NameVerified,
                [.. r.Contacts.Select(c => new ContactItem(c.Kind, c.Value, c.Placeholder))]))],
            [.. talkGroups.All.Select(g => new TalkGroupItem(g.Id, g.Pair, g.Name.Get(language), g.Zones.ToDictionary(z => z.Key.Value, z => z.Value),
                g.TalkGroupName, g.TalkGroupId, g.Placeholder))],
            guide.EmergencyNumbers,
            [.. guide.Phrases.Select(p => new PhraseItem(p.Id, new Dictionary<string, string> { ["nl"] = p.Nl, ["fr"] = p.Fr, ["de"] = p.De, ["en"] = p.En }))],
            shapes);
    }

    // The app's own texts, the console's mission-guide labels it shares, and the country names.
    private static bool Shown(string key) =>
        key.StartsWith("app.", StringComparison.Ordinal) || key.StartsWith("guide.", StringComparison.Ordinal) || key.StartsWith("country.", StringComparison.Ordinal);

    private sealed record BundleBody(string Version, DateTimeOffset? PublishedAt, string Language, string Country, int StaleAfterDays,
        IReadOnlyDictionary<string, string> Texts, IReadOnlyList<KindView> MissionKinds, IReadOnlyList<MissionTypeView> Missions,
        IReadOnlyList<TreatyRuleView> Rules, IReadOnlyList<RoomView> ControlRooms, IReadOnlyList<TalkGroupItem> TalkGroups,
        IReadOnlyDictionary<string, EmergencyNumbers> EmergencyNumbers, IReadOnlyList<PhraseItem> Phrases, JsonElement Outlines);

    private sealed record KindView(string Id, string Name, IReadOnlyList<string> Missions);

    private sealed record RoomView(string ZoneId, string ZoneName, string Country, string Name, bool NameVerified, IReadOnlyList<ContactItem> Contacts);

    private sealed record ContactItem(string Kind, string Value, bool Placeholder);

    private sealed record TalkGroupItem(string Id, string Pair, string Name, IReadOnlyDictionary<string, IReadOnlyList<string>> Zones,
        string TalkGroupName, string TalkGroupId, bool Placeholder);

    private sealed record PhraseItem(string Id, IReadOnlyDictionary<string, string> Texts);
}

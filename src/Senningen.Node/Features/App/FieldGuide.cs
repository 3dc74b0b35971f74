using System.Text.Json;
using Senningen.Core.Countries;
using Senningen.Core.Treaty;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Features.App;

/// <summary>The reviewed data of <c>data/app/field-guide.json</c>: how missions are grouped on the phone, emergency numbers, phrases.</summary>
internal sealed record FieldGuide(IReadOnlyList<MissionKind> MissionKinds, IReadOnlyDictionary<string, EmergencyNumbers> EmergencyNumbers,
    IReadOnlyList<Phrase> Phrases)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Reads and checks the file; a broken file stops the node, naming the file and the rule.</summary>
    public static FieldGuide Load(string file, TreatyCatalogue catalogue)
    {
        FieldGuide? guide;
        try
        {
            guide = JsonSerializer.Deserialize<FieldGuide>(File.ReadAllText(file), Json);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new ConfigurationProblemException([$"{AppSettings.SectionName}:FieldGuideFile = '{file}': {e.Message}"]);
        }

        var problems = Check(guide, catalogue).Select(p => $"{AppSettings.SectionName}:FieldGuideFile = '{file}': {p}").ToList();
        return problems.Count > 0 ? throw new ConfigurationProblemException(problems) : guide!;
    }

    private static IEnumerable<string> Check(FieldGuide? guide, TreatyCatalogue catalogue)
    {
        if (guide?.MissionKinds is not { Count: > 0 } || guide.Phrases is not { Count: > 0 } || guide.EmergencyNumbers is null)
        {
            yield return "missionKinds, emergencyNumbers and phrases must all be present.";
            yield break;
        }

        foreach (var kind in guide.MissionKinds)
        {
            foreach (var mission in (kind.Missions ?? []).Where(m => catalogue.FindMissionType(m) is null))
            {
                yield return $"mission kind '{kind.Id}' names '{mission}', which the treaty catalogue does not have.";
            }
        }

        foreach (var party in CountryCode.TreatyParties.Where(p => !guide.EmergencyNumbers.ContainsKey(p.Value)))
        {
            yield return $"emergencyNumbers has no entry for {party.Value}.";
        }

        foreach (var phrase in guide.Phrases.Where(p => new[] { p.Nl, p.Fr, p.De, p.En }.Any(string.IsNullOrWhiteSpace)))
        {
            yield return $"phrase '{phrase.Id}' must be given in nl, fr, de and en.";
        }
    }
}

internal sealed record MissionKind(string Id, IReadOnlyList<string> Missions);

internal sealed record EmergencyNumbers(string Emergency, string Police);

internal sealed record Phrase(string Id, string Nl, string Fr, string De, string En);

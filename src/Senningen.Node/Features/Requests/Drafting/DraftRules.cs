using System.Text.Json;
using Senningen.Contracts.Requests;
using Senningen.Core.Countries;
using Senningen.Core.Requests;
using Senningen.Core.Treaty;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Observability;

namespace Senningen.Node.Features.Requests.Drafting;

/// <summary>A draft that passed the field rules: its type, partner, urgency and normalised field values.</summary>
internal sealed record CheckedDraft(RequestType Type, CountryCode Partner, Urgency Urgency, IReadOnlyDictionary<string, string?> Fields,
    string? CaseReference, string? Region, LiaisonOfficer? Officer);

/// <summary>The rules of a new request, field by field (400), and the rules that refuse it outright (403, naming the rule).</summary>
internal static class DraftRules
{
    public const int MaxCaseReference = 100;
    public const int MaxRegion = 20;

    /// <summary>The rules below that the OpenAPI document can state, from the same constants.</summary>
    public static readonly SchemaLimit[] Limits =
    [
        SchemaLimit.Length<CreateRequestInput>("caseReference", MaxCaseReference),
        SchemaLimit.Length<CreateRequestInput>("region", MaxRegion),
    ];

    public static CheckedDraft? Check(CreateRequestInput input, RequestCatalogue catalogue, CountryCode self, IReadOnlyCollection<CountryCode> partners,
        RequestValidator v)
    {
        var type = catalogue.FindType(RequestText.Blank(input.Type));
        if (v.Required("type", input.Type) && type is null)
        {
            v.OneOf("type", input.Type, [.. catalogue.Types.Select(t => t.Id)]);
        }

        var officer = type is { JointUse: true } ? Officer(input, catalogue, v) : null;
        var partner = officer?.PostingCountry ?? Partner(input.Partner, self, partners, v);
        if (officer is not null && input.Partner is not null && !string.Equals(input.Partner, officer.PostingCountry.Value, StringComparison.OrdinalIgnoreCase))
        {
            v.Add("partner", "liaison-country", "rule.liaison-country", officer.PostingCountry.Value);
        }

        var urgency = type?.Urgencies[0] ?? Urgency.Normal;
        if (input.Urgency is not null && (!RequestNames.TryParse(input.Urgency, out urgency) || type?.Urgencies.Contains(urgency) == false))
        {
            v.Add("urgency", Rules.OneOf, "rule.one-of", string.Join(", ", (type?.Urgencies ?? Enum.GetValues<Urgency>()).Select(RequestNames.Of)));
        }

        v.MaxLength("caseReference", input.CaseReference, MaxCaseReference);
        v.MaxLength("region", input.Region, MaxRegion);
        var fields = Values(input.Fields, v);
        if (type is not null)
        {
            foreach (var broken in RequestFieldRules.Check(type, fields))
            {
                v.Add(broken.Field, broken.Rule, $"rule.request-{broken.Rule}", [.. broken.Args]);
            }
        }

        return v.HasErrors || type is null ? null
            : new CheckedDraft(type, partner, urgency, fields.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => (string?)f.Value!.Trim()),
                RequestText.Blank(input.CaseReference), RequestText.Blank(input.Region), officer);
    }

    /// <summary>
    /// The treaty catalogue's word on the type for this pair today: null when allowed (or when the type rests on
    /// another instrument), else the rule name, e.g. <c>investigative-action-not-allowed</c>.
    /// </summary>
    public static string? TreatyRefusal(RequestType type, CountryCode requesting, CountryCode requested, TreatyCatalogue treaty, DateOnly today)
    {
        if (type.Mission is not { } mission)
        {
            return null;
        }

        var (acting, host) = type.TreatyPair(requesting, requested);
        var decision = treaty.Decide(mission, acting, host, today);
        return decision.IsAllowed ? null : $"{mission}-{RequestNamesOf(decision.Outcome)}";
    }

    /// <summary>Joint use is for countries with no liaison officer of their own where they need one.</summary>
    public static string? JointUseRefusal(CheckedDraft draft, RequestCatalogue catalogue, CountryCode self) =>
        draft.Type.JointUse && draft.Fields.GetValueOrDefault("hostCountry") is { } host && catalogue.HasOwnOfficer(self, host.ToUpperInvariant())
            ? "liaison-own-officer" : null;

    private static string RequestNamesOf(TreatyOutcome outcome) => outcome switch
    {
        TreatyOutcome.NotAllowed => "not-allowed",
        TreatyOutcome.NotYetInForce => "not-yet-in-force",
        TreatyOutcome.NoLongerInForce => "no-longer-in-force",
        _ => "not-covered",
    };

    private static LiaisonOfficer? Officer(CreateRequestInput input, RequestCatalogue catalogue, RequestValidator v)
    {
        if (!v.Required("liaisonOfficerId", input.LiaisonOfficerId))
        {
            return null;
        }

        var officer = catalogue.FindOfficer(input.LiaisonOfficerId!.Trim());
        if (officer is null || officer.Availability == LiaisonAvailability.Absent)
        {
            v.Add("liaisonOfficerId", "liaison-officer", "rule.liaison-officer");
        }

        return officer?.Availability == LiaisonAvailability.Absent ? null : officer;
    }

    private static CountryCode Partner(string? text, CountryCode self, IReadOnlyCollection<CountryCode> partners, RequestValidator v)
    {
        var partner = v.Country("partner", text, partyOnly: true);
        if (partner.IsValid && (partner == self || !partners.Contains(partner)))
        {
            v.Add("partner", Rules.OneOf, "rule.one-of", string.Join(", ", partners.Select(p => p.Value)));
        }

        return partner;
    }

    private static Dictionary<string, string?> Values(IReadOnlyDictionary<string, JsonElement>? fields, RequestValidator v)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, element) in fields ?? new Dictionary<string, JsonElement>())
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String: values[name] = element.GetString(); break;
                case JsonValueKind.Number: values[name] = element.GetRawText(); break;
                case JsonValueKind.True: values[name] = "true"; break;
                case JsonValueKind.False: values[name] = "false"; break;
                case JsonValueKind.Null or JsonValueKind.Undefined: values[name] = null; break;
                case JsonValueKind.Array when element.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String):
                    values[name] = string.Join(',', element.EnumerateArray().Select(e => e.GetString()));
                    break;
                default: v.Add($"fields.{name}", Rules.JsonType, "rule.json-type"); break;
            }
        }

        return values;
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Senningen.Core.Countries;
using Senningen.Core.Treaty;
using YamlDotNet.RepresentationModel;

namespace Senningen.Core.Requests;

/// <summary>Either a request catalogue or every problem found, each with file, line and column.</summary>
public sealed record RequestParseResult(RequestCatalogue? Catalogue, IReadOnlyList<TreatyProblem> Problems);

/// <summary>
/// Reads <c>treaty/requests/</c>: <c>request-types.yaml</c> (forms and legal basis), <c>authorities.yaml</c> (who
/// receives what, per country) and <c>liaison-officers.yaml</c> (the directory). Same checks as the treaty catalogue:
/// unknown keys, missing fields, four languages, and here also missions the catalogue does not know. Pure.
/// </summary>
public static partial class RequestCatalogueParser
{
    public const string TypesFile = "request-types.yaml";
    public const string AuthoritiesFile = "authorities.yaml";
    public const string OfficersFile = "liaison-officers.yaml";

    private static readonly string[] TypeKeys = ["id", "name", "mission", "acting", "legalBasis", "copySpoc", "urgencies", "clockStopsAt", "jointUse", "onwardSharing", "fields"];
    private static readonly string[] FieldKeys = ["name", "kind", "mandatory", "label", "maxLength", "min", "max", "choices", "notBefore", "mustBeTrue"];
    private static readonly string[] AuthorityKeys = ["id", "name", "placeholder", "types", "urgencies", "regions"];
    private static readonly string[] OfficerKeys = ["id", "name", "postingCountry", "hostCountry", "regions", "languages", "availability"];

    public static RequestParseResult Parse(IEnumerable<TreatySource> sources, IReadOnlyCollection<string> missionIds)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var byName = sources.ToDictionary(s => s.FileName, StringComparer.Ordinal);
        var problems = new List<TreatyProblem>();
        var types = new List<RequestType>();
        var spocs = new List<Authority>();
        var authorities = new List<Authority>();
        var officers = new List<LiaisonOfficer>();
        foreach (var name in (string[])[TypesFile, AuthoritiesFile, OfficersFile])
        {
            var sink = new ProblemSink(name, problems);
            if (!byName.TryGetValue(name, out var source))
            {
                sink.Add(new YamlDotNet.Core.Mark(0, 1, 1), $"the file {name} is missing");
                continue;
            }

            if (TreatyCatalogueParser.LoadRoot(source, sink) is not { } root)
            {
                continue;
            }

            switch (name)
            {
                case TypesFile: ReadTypes(root, sink, missionIds, types); break;
                case AuthoritiesFile: ReadAuthorities(root, sink, types, spocs, authorities); break;
                default: ReadOfficers(root, sink, officers); break;
            }
        }

        return problems.Count > 0 ? new RequestParseResult(null, problems) : new RequestParseResult(new RequestCatalogue(types, spocs, authorities, officers), []);
    }

    private static void ReadTypes(YamlMappingNode root, ProblemSink sink, IReadOnlyCollection<string> missionIds, List<RequestType> types)
    {
        var list = new MappingReader(root, "file", sink, ["types"]).Sequence("types");
        foreach (var (node, i) in (list?.Children ?? []).Select((n, i) => (n, i)))
        {
            if (Mapping(node, $"types[{i}]", sink, TypeKeys) is not { } r)
            {
                continue;
            }

            var before = sink.Count;
            var id = r.String("id");
            if (id is not null && (!Kebab().IsMatch(id) || types.Any(t => t.Id == id)))
            {
                sink.Add(r.Get("id", false)!, $"types[{i}]: id '{id}' must be kebab-case and unique");
            }

            var mission = r.String("mission", required: false);
            if (mission is not null && !missionIds.Contains(mission))
            {
                sink.Add(r.Get("mission", false)!, $"types[{i}]: mission '{mission}' is not in the treaty catalogue");
            }

            var legalBasis = r.Text("legalBasis", required: mission is null);
            var acting = Enumerated<MissionActor>(r, "acting", required: mission is not null) ?? MissionActor.Requested;
            var urgencies = Strings(r, "urgencies", required: true).Select(u => ParseName<Urgency>(r, "urgencies", u)).ToList();
            var stop = Enumerated<ClockStop>(r, "clockStopsAt", required: true);
            var fields = ReadFields(r, $"types[{i}]", sink);
            var onward = ReadOnward(r, fields, sink);
            var name = r.Text("name");
            if (sink.Count == before && urgencies.Count == 0)
            {
                sink.Add(r.Node, $"types[{i}]: 'urgencies' must name at least one urgency");
            }

            if (sink.Count == before)
            {
                types.Add(new RequestType(id!, name!, mission, acting, legalBasis, Flag(r, "copySpoc"), [.. urgencies.Select(u => u!.Value)], stop!.Value,
                    Flag(r, "jointUse"), onward, fields));
            }
        }
    }

    private static List<RequestField> ReadFields(MappingReader type, string context, ProblemSink sink)
    {
        var fields = new List<RequestField>();
        foreach (var (node, i) in (type.Sequence("fields")?.Children ?? []).Select((n, i) => (n, i)))
        {
            if (Mapping(node, $"{context}.fields[{i}]", sink, FieldKeys) is not { } r)
            {
                continue;
            }

            var before = sink.Count;
            var name = r.String("name");
            if (name is not null && (!Camel().IsMatch(name) || fields.Any(f => f.Name == name)))
            {
                sink.Add(r.Get("name", false)!, $"{r.Context}: name '{name}' must be camelCase and unique in the type");
            }

            var kind = Enumerated<FieldKind>(r, "kind", required: true);
            var label = r.Text("label");
            var choices = new List<FieldChoice>();
            foreach (var choice in r.Get("choices", kind is FieldKind.Choice or FieldKind.Choices) is YamlSequenceNode seq ? seq.Children : [])
            {
                if (Mapping(choice, $"{r.Context}.choices", sink, ["value", "label"]) is { } c && c.String("value") is { } value && c.Text("label") is { } text)
                {
                    choices.Add(new FieldChoice(value, text));
                }
            }

            var notBefore = r.String("notBefore", required: false);
            if (notBefore is not null && !fields.Any(f => f.Name == notBefore && f.Kind is FieldKind.Date or FieldKind.DateTime))
            {
                sink.Add(r.Get("notBefore", false)!, $"{r.Context}: notBefore '{notBefore}' must name an earlier date field of the type");
            }

            var maxLength = (int)(Number(r, "maxLength") ?? (kind == FieldKind.LongText ? 4000 : 200));
            if (sink.Count == before)
            {
                fields.Add(new RequestField(name!, kind!.Value, Flag(r, "mandatory"), label!, maxLength, Number(r, "min"), Number(r, "max"), choices, notBefore,
                    Flag(r, "mustBeTrue")));
            }
        }

        return fields;
    }

    private static OnwardSharing? ReadOnward(MappingReader type, List<RequestField> fields, ProblemSink sink)
    {
        if (type.Mapping("onwardSharing", ["purposeField", "recipientsField"], required: false) is not { } r)
        {
            return null;
        }

        var purpose = r.String("purposeField");
        var recipients = r.String("recipientsField");
        if (purpose is not null && fields.FirstOrDefault(f => f.Name == purpose) is not { Kind: FieldKind.Choice, Mandatory: true })
        {
            sink.Add(r.Get("purposeField", false)!, $"{r.Context}: '{purpose}' must be a mandatory choice field of the type");
        }

        if (recipients is not null && fields.FirstOrDefault(f => f.Name == recipients) is not { Kind: FieldKind.Choices, Mandatory: true })
        {
            sink.Add(r.Get("recipientsField", false)!, $"{r.Context}: '{recipients}' must be a mandatory choices field of the type");
        }

        return purpose is null || recipients is null ? null : new OnwardSharing(purpose, recipients);
    }

    private static void ReadAuthorities(YamlMappingNode root, ProblemSink sink, List<RequestType> types, List<Authority> spocs, List<Authority> authorities)
    {
        var list = new MappingReader(root, "file", sink, ["countries"]).Sequence("countries");
        foreach (var (node, i) in (list?.Children ?? []).Select((n, i) => (n, i)))
        {
            if (Mapping(node, $"countries[{i}]", sink, ["country", "spoc", "authorities"]) is not { } r)
            {
                continue;
            }

            var text = r.String("country");
            if (!CountryCode.TryParseParty(text, out var country))
            {
                sink.Add(r.Get("country", false) ?? r.Node, $"countries[{i}]: country must be BE, NL or LU, found '{text}'");
                continue;
            }

            if (r.Mapping("spoc", AuthorityKeys) is { } spoc && ReadAuthority(spoc, country, types, sink) is { } s)
            {
                spocs.Add(s);
            }

            foreach (var a in r.Sequence("authorities")?.Children ?? [])
            {
                if (Mapping(a, $"{r.Context}.authorities", sink, AuthorityKeys) is { } ar && ReadAuthority(ar, country, types, sink) is { } authority)
                {
                    authorities.Add(authority);
                }
            }
        }

        foreach (var missing in CountryCode.TreatyParties.Where(p => spocs.All(s => s.Country != p)))
        {
            sink.Add(root, $"countries: {missing} has no spoc; every party needs its single point of contact");
        }
    }

    private static Authority? ReadAuthority(MappingReader r, CountryCode country, List<RequestType> types, ProblemSink sink)
    {
        var before = sink.Count;
        var id = r.String("id");
        var name = r.Text("name");
        var typeIds = Strings(r, "types", required: false);
        foreach (var unknown in typeIds.Where(t => types.All(x => x.Id != t)))
        {
            sink.Add(r.Get("types", false)!, $"{r.Context}: type '{unknown}' is not in {TypesFile}");
        }

        var urgencies = Strings(r, "urgencies", required: false).Select(u => ParseName<Urgency>(r, "urgencies", u)).ToList();
        return sink.Count > before ? null
            : new Authority(id!, country, name!, Flag(r, "placeholder"), typeIds, [.. urgencies.Select(u => u!.Value)], Strings(r, "regions", required: false));
    }

    private static void ReadOfficers(YamlMappingNode root, ProblemSink sink, List<LiaisonOfficer> officers)
    {
        var file = new MappingReader(root, "file", sink, ["synthetic", "officers"]);
        if (file.Bool("synthetic") is null)
        {
            return;
        }

        foreach (var (node, i) in (file.Sequence("officers")?.Children ?? []).Select((n, i) => (n, i)))
        {
            if (Mapping(node, $"officers[{i}]", sink, OfficerKeys) is not { } r)
            {
                continue;
            }

            var before = sink.Count;
            var id = r.String("id");
            var name = r.String("name");
            var posting = r.String("postingCountry");
            if (!CountryCode.TryParseParty(posting, out var postingCountry))
            {
                sink.Add(r.Get("postingCountry", false) ?? r.Node, $"{r.Context}: postingCountry must be BE, NL or LU");
            }

            var host = r.String("hostCountry");
            if (host is not null && !IsoCountry().IsMatch(host))
            {
                sink.Add(r.Get("hostCountry", false)!, $"{r.Context}: hostCountry must be an ISO 3166 alpha-2 code like MA");
            }

            var languages = Strings(r, "languages", required: true);
            var availability = Enumerated<LiaisonAvailability>(r, "availability", required: true);
            if (sink.Count == before)
            {
                officers.Add(new LiaisonOfficer(id!, name!, postingCountry, host!, Strings(r, "regions", required: false), languages, availability!.Value));
            }
        }
    }

    private static MappingReader? Mapping(YamlNode node, string context, ProblemSink sink, string[] keys)
    {
        if (node is YamlMappingNode mapping)
        {
            return new MappingReader(mapping, context, sink, keys);
        }

        sink.Add(node, $"{context}: must be a mapping, found {ProblemSink.Describe(node)}");
        return null;
    }

    private static bool Flag(MappingReader r, string key) => r.Get(key, false) is not null && r.Bool(key) == true;

    private static decimal? Number(MappingReader r, string key)
    {
        var text = r.String(key, required: false);
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        r.Sink.Add(r.Get(key, false)!, $"{r.Context}: '{key}' must be a number, found '{text}'");
        return null;
    }

    private static List<string> Strings(MappingReader r, string key, bool required)
    {
        var node = r.Get(key, required);
        if (node is null)
        {
            return [];
        }

        if (node is YamlSequenceNode seq && seq.Children.All(c => c is YamlScalarNode { Value.Length: > 0 }))
        {
            return [.. seq.Children.Select(c => ((YamlScalarNode)c).Value!.Trim())];
        }

        r.Sink.Add(node, $"{r.Context}: '{key}' must be a list of names");
        return [];
    }

    private static T? Enumerated<T>(MappingReader r, string key, bool required) where T : struct, Enum
    {
        var text = r.String(key, required);
        return text is null ? null : ParseName<T>(r, key, text);
    }

    private static T? ParseName<T>(MappingReader r, string key, string text) where T : struct, Enum
    {
        if (RequestNames.TryParse<T>(text, out var value))
        {
            return value;
        }

        r.Sink.Add(r.Get(key, false) ?? r.Node, $"{r.Context}: '{key}' must be one of {string.Join(", ", RequestNames.All<T>())}, found '{text}'");
        return null;
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex Kebab();

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$")]
    private static partial Regex Camel();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex IsoCountry();
}

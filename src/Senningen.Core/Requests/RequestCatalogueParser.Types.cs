using System.Text.RegularExpressions;
using Senningen.Core.Treaty;
using YamlDotNet.RepresentationModel;

namespace Senningen.Core.Requests;

/// <summary>The request types of <c>request-types.yaml</c>: each type's form fields, urgencies, legal basis and onward sharing.</summary>
public static partial class RequestCatalogueParser
{
    private static readonly string[] TypeKeys = ["id", "name", "mission", "acting", "legalBasis", "copySpoc", "urgencies", "clockStopsAt", "jointUse", "onwardSharing", "fields"];
    private static readonly string[] FieldKeys = ["name", "kind", "mandatory", "label", "maxLength", "min", "max", "choices", "notBefore", "mustBeTrue"];

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

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex Kebab();

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$")]
    private static partial Regex Camel();
}

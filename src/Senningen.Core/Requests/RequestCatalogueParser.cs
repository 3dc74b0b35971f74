using System.Globalization;
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
}

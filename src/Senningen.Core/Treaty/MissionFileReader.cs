using System.Text.RegularExpressions;
using Senningen.Core.Countries;
using YamlDotNet.RepresentationModel;

namespace Senningen.Core.Treaty;

/// <summary>Reads one mission file: the mission type and its six rules, one per ordered pair of parties.</summary>
internal static partial class MissionFileReader
{
    private static readonly string[] FileKeys = ["id", "name", "summary", "rules"];

    public static (MissionType? Mission, List<TreatyRule> Rules) Read(YamlMappingNode root, ProblemSink sink)
    {
        var before = sink.Count;
        var r = new MappingReader(root, "mission", sink, FileKeys);
        var id = r.String("id");
        if (id is not null && !KebabCase().IsMatch(id))
        {
            sink.Add(r.Get("id", false)!, $"mission: id '{id}' must be kebab-case, e.g. hot-pursuit");
        }
        else if (id is not null && !string.Equals(id, FileStem(sink.FileName), StringComparison.Ordinal))
        {
            sink.Add(r.Get("id", false)!, $"mission: id '{id}' must equal the file name '{FileStem(sink.FileName)}'");
        }

        var name = r.Text("name");
        var summary = r.Text("summary");
        var rules = ReadRules(id ?? "", r, sink);
        if (sink.Count == before)
        {
            RequireEveryPair(rules, r, sink);
        }

        var mission = id is null || name is null || summary is null ? null : new MissionType(id, name, summary);
        return (mission, rules);
    }

    private static List<TreatyRule> ReadRules(string missionId, MappingReader r, ProblemSink sink)
    {
        var rules = new List<TreatyRule>();
        var list = r.Sequence("rules");
        if (list is null)
        {
            return rules;
        }

        for (var i = 0; i < list.Children.Count; i++)
        {
            if (list.Children[i] is not YamlMappingNode node)
            {
                sink.Add(list.Children[i], $"rules[{i}]: must be a mapping, found {ProblemSink.Describe(list.Children[i])}");
                continue;
            }

            var rule = RuleReader.Read(missionId, node, i, sink);
            if (rule is null)
            {
                continue;
            }

            if (rules.Any(x => x.Acting == rule.Acting && x.Host == rule.Host))
            {
                sink.Add(node, $"rules[{i}]: duplicate record for {missionId} {rule.Acting}->{rule.Host}");
                continue;
            }

            rules.Add(rule);
        }

        return rules;
    }

    // Explicit records for every pair, even "not allowed", so that silence never reads as permission.
    private static void RequireEveryPair(List<TreatyRule> rules, MappingReader r, ProblemSink sink)
    {
        var missing =
            from acting in CountryCode.TreatyParties
            from host in CountryCode.TreatyParties
            where acting != host && !rules.Any(x => x.Acting == acting && x.Host == host)
            select $"{acting}->{host}";
        var list = missing.ToList();
        if (list.Count > 0)
        {
            sink.Add(r.KeyMark("rules"), $"mission: rules lack a record for {string.Join(", ", list)}; every ordered pair of BE, NL, LU needs one");
        }
    }

    private static string FileStem(string fileName)
    {
        var name = fileName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}

using System.Globalization;
using Senningen.Core.Countries;
using Senningen.Core.Treaty;
using YamlDotNet.RepresentationModel;

namespace Senningen.Core.Retention;

/// <summary>Either a retention table or every problem found, each with file, line and column.</summary>
public sealed record RetentionParseResult(RetentionTable? Table, IReadOnlyList<TreatyProblem> Problems);

/// <summary>
/// Reads <c>treaty/retention/retention.yaml</c> with the treaty catalogue's checks (unknown keys, missing fields,
/// positions) and its own: a known party and kind, a positive number of days, fields exactly when anonymising, an open
/// question whenever <c>verify</c> is true, and one rule for every party and kind, no more. Pure: the caller reads the file.
/// </summary>
public static class RetentionTableParser
{
    public const string FileName = "retention.yaml";

    /// <summary>Ten thousand years of days is no retention limit: a typo, not a decision.</summary>
    private const int MaxDays = 36_500;

    private static readonly string[] RootKeys = ["rules"];
    private static readonly string[] RuleKeys = ["country", "kind", "days", "countedFrom", "action", "fields", "legalBasis", "verify", "openQuestion"];

    public static IReadOnlyDictionary<string, CountedFrom> CountedFromNames { get; } = new Dictionary<string, CountedFrom>(StringComparer.Ordinal)
    {
        ["observation"] = CountedFrom.Observation,
        ["hit"] = CountedFrom.Hit,
        ["creation"] = CountedFrom.Creation,
        ["message-completion"] = CountedFrom.MessageCompletion,
        ["fix"] = CountedFrom.Fix,
        ["operation-end"] = CountedFrom.OperationEnd,
        ["alert-closing"] = CountedFrom.AlertClosing,
        ["request-closing"] = CountedFrom.RequestClosing,
    };

    public static RetentionParseResult Parse(TreatySource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var problems = new List<TreatyProblem>();
        var sink = new ProblemSink(source.FileName, problems);
        var rules = new List<RetentionRule>();
        if (TreatyCatalogueParser.LoadRoot(source, sink) is { } root)
        {
            var file = new MappingReader(root, "retention", sink, RootKeys);
            if (file.Sequence("rules") is { } list)
            {
                ReadRules(list, sink, rules);
                ReportMissing(list, sink, rules);
            }
        }

        return problems.Count > 0 ? new RetentionParseResult(null, problems) : new RetentionParseResult(new RetentionTable(rules), []);
    }

    private static void ReadRules(YamlSequenceNode list, ProblemSink sink, List<RetentionRule> rules)
    {
        foreach (var (node, index) in list.Children.Select((n, i) => (n, i)))
        {
            if (node is not YamlMappingNode mapping)
            {
                sink.Add(node, $"rules[{index}]: must be a mapping, found {ProblemSink.Describe(node)}");
                continue;
            }

            var r = new MappingReader(mapping, $"rules[{index}]", sink, RuleKeys);
            var before = sink.Count;
            var rule = ReadRule(r);
            if (rule is null || sink.Count > before)
            {
                continue;
            }

            if (rules.Any(x => x.Country == rule.Country && x.Kind == rule.Kind))
            {
                sink.Add(mapping, $"{r.Context}: {rule.Country.Value} {rule.Kind} already has a rule");
                continue;
            }

            rules.Add(rule);
        }
    }

    private static RetentionRule? ReadRule(MappingReader r)
    {
        var country = Country(r);
        var kind = r.String("kind");
        if (kind is not null && !RetentionKinds.IsKnown(kind))
        {
            r.Sink.Add(r.Get("kind", false)!, $"{r.Context}: 'kind' must be one of {string.Join(", ", RetentionKinds.All)}, found '{kind}'");
        }

        var days = Days(r);
        var countedFrom = Named(r, "countedFrom", CountedFromNames);
        var action = Named(r, "action", new Dictionary<string, RetentionAction>(StringComparer.Ordinal)
        {
            ["delete"] = RetentionAction.Delete,
            ["anonymise"] = RetentionAction.Anonymise,
        });
        var fields = Fields(r, action);
        var basis = r.String("legalBasis");
        var verify = r.Bool("verify");
        var question = r.String("openQuestion", required: false);
        if (verify is true && question is null)
        {
            r.Sink.Add(r.KeyMark("verify"), $"{r.Context}: verify is true, so 'openQuestion' must say what to check");
        }
        else if (verify is false && question is not null)
        {
            r.Sink.Add(r.KeyMark("openQuestion"), $"{r.Context}: 'openQuestion' is only for a rule with verify: true");
        }

        return country is { } c && kind is not null && days is { } d && countedFrom is { } from && action is { } a && basis is not null && verify is { } v
            ? new RetentionRule(c, kind, TimeSpan.FromDays(d), from, a, fields, basis, v, question)
            : null;
    }

    private static CountryCode? Country(MappingReader r)
    {
        var text = r.String("country");
        if (text is null)
        {
            return null;
        }

        if (CountryCode.TryParse(text, out var code) && code.IsTreatyParty && code.Value == text)
        {
            return code;
        }

        r.Sink.Add(r.Get("country", false)!, $"{r.Context}: 'country' must be BE, NL or LU, found '{text}'");
        return null;
    }

    private static int? Days(MappingReader r)
    {
        var text = r.String("days");
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is > 0 and <= MaxDays)
        {
            return days;
        }

        r.Sink.Add(r.Get("days", false)!, $"{r.Context}: 'days' must be a whole number from 1 to {MaxDays}, found '{text}'");
        return null;
    }

    private static T? Named<T>(MappingReader r, string key, IReadOnlyDictionary<string, T> names) where T : struct
    {
        var text = r.String(key);
        if (text is null)
        {
            return null;
        }

        if (names.TryGetValue(text, out var value))
        {
            return value;
        }

        r.Sink.Add(r.Get(key, false)!, $"{r.Context}: '{key}' must be one of {string.Join(", ", names.Keys)}, found '{text}'");
        return null;
    }

    private static List<string> Fields(MappingReader r, RetentionAction? action)
    {
        var node = r.Get("fields", required: action == RetentionAction.Anonymise);
        if (node is null)
        {
            return [];
        }

        if (action == RetentionAction.Delete)
        {
            r.Sink.Add(r.KeyMark("fields"), $"{r.Context}: 'fields' is only for action anonymise: a deletion removes the whole record");
            return [];
        }

        if (node is YamlSequenceNode { Children.Count: > 0 } seq && seq.Children.All(c => c is YamlScalarNode { Value.Length: > 0 }))
        {
            return [.. seq.Children.Select(c => ((YamlScalarNode)c).Value!.Trim())];
        }

        r.Sink.Add(node, $"{r.Context}: 'fields' must be a non-empty list of field names");
        return [];
    }

    private static void ReportMissing(YamlSequenceNode list, ProblemSink sink, List<RetentionRule> rules)
    {
        if (sink.Count > 0)
        {
            return;
        }

        foreach (var country in CountryCode.TreatyParties)
        {
            foreach (var kind in RetentionKinds.All.Where(k => !rules.Any(x => x.Country == country && x.Kind == k)))
            {
                sink.Add(list, $"rules: no rule for {country.Value} {kind}: every party states how long it keeps every kind");
            }
        }
    }
}

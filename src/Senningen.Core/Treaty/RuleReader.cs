using System.Globalization;
using Senningen.Core.Countries;
using YamlDotNet.RepresentationModel;

namespace Senningen.Core.Treaty;

/// <summary>Reads one record of a mission file's <c>rules</c> list.</summary>
internal static class RuleReader
{
    private static readonly string[] RuleKeys =
    [
        "acting", "host", "allowed", "effectiveFrom", "effectiveUntil", "legalBasis", "disclosure", "conditions",
        "instead", "notification", "powers", "reporting", "verify", "openQuestion",
    ];

    private static readonly string[] NotificationKeys = ["whom", "when", "deadline"];
    private static readonly string[] PowerKeys = ["weapons", "apprehension", "useOfForce", "mayNot"];

    public static TreatyRule? Read(string missionId, YamlMappingNode node, int index, ProblemSink sink)
    {
        var before = sink.Count;
        var r = new MappingReader(node, $"rules[{index}]", sink, RuleKeys);
        var acting = Country(r, "acting");
        var host = Country(r, "host");
        var allowed = r.Bool("allowed");
        var from = r.Date("effectiveFrom", required: true);
        var until = r.Date("effectiveUntil", required: false);
        var legalBasis = r.Text("legalBasis");
        var disclosure = ReadDisclosure(missionId, allowed, r);
        var conditions = Conditions(r);
        // A rule that is not allowed needs no powers, but must say what to do instead.
        var operational = allowed is not false;
        var instead = r.Text("instead", required: allowed is false);
        var notification = ReadNotification(r.Mapping("notification", NotificationKeys, operational));
        var powers = ReadPowers(r.Mapping("powers", PowerKeys, operational));
        var reporting = r.Text("reporting", operational);
        var verify = r.Bool("verify");
        var question = r.Text("openQuestion", required: false);

        if (acting is { } a && host is { } h && a == h)
        {
            sink.Add(r.KeyMark("host"), $"{r.Context}: acting and host are both {a}; a rule needs two countries");
        }

        if (from is { } f && until is { } u && u < f)
        {
            sink.Add(r.KeyMark("effectiveUntil"), $"{r.Context}: effectiveUntil {u:yyyy-MM-dd} is before effectiveFrom {f:yyyy-MM-dd}");
        }

        if (verify is true && question is null && r.Get("openQuestion", false) is null)
        {
            sink.Add(r.KeyMark("verify"), $"{r.Context}: verify is true, so 'openQuestion' must say what to check");
        }

        if (sink.Count > before)
        {
            return null;
        }

        return new TreatyRule(missionId, acting!.Value, host!.Value, allowed!.Value, from!.Value, until, legalBasis!,
            conditions!, instead, notification, powers, reporting, verify!.Value, question) { Disclosure = disclosure };
    }

    // Consultation missions say, when allowed, what the answering node discloses for each data set; others say nothing.
    private static Dictionary<DataSet, DisclosureLevel>? ReadDisclosure(string missionId, bool? allowed, MappingReader r)
    {
        var consultation = Disclosure.ConsultationMissions.Contains(missionId);
        var node = r.Get("disclosure", required: false);
        if (!consultation || allowed is not true)
        {
            if (node is not null)
            {
                r.Sink.Add(r.KeyMark("disclosure"), consultation
                    ? $"{r.Context}: 'disclosure' is for allowed rules only; a refused consultation discloses nothing"
                    : $"{r.Context}: 'disclosure' is only for the consultation missions ({string.Join(", ", Disclosure.ConsultationMissions.Order(StringComparer.Ordinal))})");
            }

            return null;
        }

        if (r.Mapping("disclosure", [.. Disclosure.DataSetNames.Keys]) is not { } sets)
        {
            return null;
        }

        var levels = new Dictionary<DataSet, DisclosureLevel>();
        foreach (var (name, set) in Disclosure.DataSetNames)
        {
            var text = sets.String(name);
            if (text is null)
            {
                continue;
            }

            if (Disclosure.LevelNames.TryGetValue(text, out var level))
            {
                levels[set] = level;
            }
            else
            {
                sets.Sink.Add(sets.Get(name, false)!, $"{sets.Context}: '{name}' must be refused, hit-no-hit, summary or full, found '{text}'");
            }
        }

        return levels.Count == Disclosure.DataSetNames.Count ? levels : null;
    }

    private static CountryCode? Country(MappingReader r, string key)
    {
        var text = r.String(key);
        if (text is null)
        {
            return null;
        }

        if (CountryCode.TryParseParty(text, out var code) && string.Equals(text, code.Value, StringComparison.Ordinal))
        {
            return code;
        }

        r.Sink.Add(r.Get(key, false)!, $"{r.Context}: '{key}' must be BE, NL or LU, found '{text}'");
        return null;
    }

    private static List<LocalizedText>? Conditions(MappingReader r)
    {
        var list = r.Sequence("conditions");
        if (list is null)
        {
            return null;
        }

        var texts = list.Children
            .Select((item, i) => MappingReader.ReadText(item, $"{r.Context}.conditions[{i}]", r.Sink))
            .ToList();
        return texts.Any(t => t is null) ? null : texts.ConvertAll(t => t!);
    }

    private static Notification? ReadNotification(MappingReader? r)
    {
        if (r is null)
        {
            return null;
        }

        var whom = r.Text("whom");
        var when = r.Text("when");
        var deadline = ReadDeadline(r);
        return whom is null || when is null || deadline is null ? null : new Notification(whom, when, deadline.Value);
    }

    private static NotificationDeadline? ReadDeadline(MappingReader r)
    {
        var node = r.Get("deadline", required: true);
        switch (node)
        {
            case null:
                return null;
            case YamlScalarNode { Value: "none" }: return new(DeadlineKind.None, null);
            case YamlScalarNode { Value: "immediately" }: return new(DeadlineKind.Immediately, null);
            case YamlScalarNode { Value: "before-crossing" }: return new(DeadlineKind.BeforeCrossing, null);
            case YamlScalarNode { Value: "before-action" }: return new(DeadlineKind.BeforeAction, null);
            case YamlMappingNode mapping:
                var hours = new MappingReader(mapping, $"{r.Context}.deadline", r.Sink, ["within-hours"]).String("within-hours");
                if (hours is null)
                {
                    return null;
                }

                if (int.TryParse(hours, NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h is > 0 and <= 720)
                {
                    return new(DeadlineKind.WithinHours, h);
                }

                r.Sink.Add(mapping, $"{r.Context}.deadline: within-hours must be a whole number of hours from 1 to 720, found '{hours}'");
                return null;
            default:
                r.Sink.Add(node, $"{r.Context}: 'deadline' must be none, immediately, before-crossing, before-action or 'within-hours: N'");
                return null;
        }
    }

    private static VisitingPowers? ReadPowers(MappingReader? r)
    {
        if (r is null)
        {
            return null;
        }

        var texts = PowerKeys.Select(key => r.Text(key)).ToArray();
        return texts.Any(t => t is null) ? null : new VisitingPowers(texts[0]!, texts[1]!, texts[2]!, texts[3]!);
    }
}

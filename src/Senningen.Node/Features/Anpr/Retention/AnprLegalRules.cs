using System.Globalization;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Features.Anpr.Retention;

/// <summary>
/// How long this node keeps camera reads and who may search them, per the law of the node's country (<c>Senningen:Anpr:Legal</c>).
/// Configuration may set every figure; when it is silent the law's figure applies. Hits are kept with their case and are never
/// purged here.
/// </summary>
/// <param name="OpenWindow">How old a read may be for an administrative search without a prosecutor's reference; zero: every search needs one.</param>
/// <param name="ReferenceRule">The stable rule id a refused search is answered with.</param>
internal sealed record AnprLegalRules(
    string Country,
    TimeSpan Retention,
    TimeSpan OpenWindow,
    bool JudicialNeedsReference,
    string ReferenceRule,
    TimeSpan PurgeInterval,
    int PurgeBatchSize,
    TimeSpan MaxSearchPeriod,
    int MaxSearchResults)
{
    public const string SectionName = "Senningen:Anpr:Legal";

    private sealed record Law(TimeSpan Retention, TimeSpan OpenWindow, bool JudicialNeedsReference, string ReferenceRule);

    private static readonly Dictionary<string, Law> Defaults = new(StringComparer.Ordinal)
    {
        // NL: reads destroyed after 28 days; every search of stored reads needs the public prosecutor's order.
        ["NL"] = new(TimeSpan.FromDays(28), TimeSpan.Zero, true, "prosecutor-order-required"),
        // BE: kept up to 12 months; administrative police may search the first month; older reads, and judicial searches,
        // need a written, reasoned decision of the prosecutor.
        ["BE"] = new(TimeSpan.FromDays(365), TimeSpan.FromDays(30), true, "prosecutor-decision-required"),
        // LU takes no part in the treaty's ANPR exchange: a conservative default, to be set by Luxembourg, not a figure from law.
        ["LU"] = new(TimeSpan.FromDays(28), TimeSpan.Zero, true, "prosecutor-reference-required"),
    };

    /// <summary>The rule a search breaks, or null when the law lets it through without a prosecutor's reference.</summary>
    public string? RuleBrokenBy(bool judicial, DateTimeOffset from, DateTimeOffset now, bool hasReference) =>
        hasReference ? null
        : OpenWindow <= TimeSpan.Zero || (judicial && JudicialNeedsReference) || from < now - OpenWindow ? ReferenceRule
        : null;

    public static AnprLegalRules Read(IConfiguration configuration, NodeSettings node)
    {
        var problems = new List<string>();
        var section = configuration.GetSection(SectionName);
        var law = Defaults.GetValueOrDefault(node.Country.Value) ?? Defaults["LU"];
        var retention = Duration(section, "Retention", law.Retention, false, problems);
        var open = Duration(section, "AdministrativeSearchWindow", law.OpenWindow, true, problems);
        if (open > retention)
        {
            problems.Add($"{SectionName}:AdministrativeSearchWindow ({open}) is longer than {SectionName}:Retention ({retention}).");
        }

        var rules = new AnprLegalRules(node.Country.Value, retention, open, law.JudicialNeedsReference, law.ReferenceRule,
            Duration(section, "PurgeInterval", TimeSpan.FromHours(1), false, problems),
            Number(section, "PurgeBatchSize", 5_000, 100, 1_000_000, problems),
            Duration(section, "MaxSearchPeriod", TimeSpan.FromDays(31), false, problems),
            Number(section, "MaxSearchResults", 1_000, 1, 100_000, problems));
        return problems.Count > 0 ? throw new ConfigurationProblemException(problems) : rules;
    }

    private static int Number(IConfigurationSection section, string key, int fallback, int min, int max, List<string> problems)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        problems.Add($"{SectionName}:{key} = '{text}' is not valid: expected a whole number from {min} to {max}.");
        return fallback;
    }

    private static TimeSpan Duration(IConfigurationSection section, string key, TimeSpan fallback, bool zeroAllowed, List<string> problems)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && (value > TimeSpan.Zero || (zeroAllowed && value == TimeSpan.Zero)))
        {
            return value;
        }

        problems.Add($"{SectionName}:{key} = '{text}' is not valid: expected a {(zeroAllowed ? "non-negative" : "positive")} duration such as 28.00:00:00.");
        return fallback;
    }
}

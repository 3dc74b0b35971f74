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
        var values = new SettingReader(configuration, SectionName, problems);
        var law = Defaults.GetValueOrDefault(node.Country.Value) ?? Defaults["LU"];
        var retention = values.Duration("Retention", law.Retention);
        var open = values.Duration("AdministrativeSearchWindow", law.OpenWindow, zeroAllowed: true);
        if (open > retention)
        {
            problems.Add($"{SectionName}:AdministrativeSearchWindow ({open}) is longer than {SectionName}:Retention ({retention}).");
        }

        var rules = new AnprLegalRules(node.Country.Value, retention, open, law.JudicialNeedsReference, law.ReferenceRule,
            (int)values.Number("PurgeBatchSize", 5_000, 100, 1_000_000),
            values.Duration("MaxSearchPeriod", TimeSpan.FromDays(31)),
            (int)values.Number("MaxSearchResults", 1_000, 1, 100_000));
        return problems.Count > 0 ? throw new ConfigurationProblemException(problems) : rules;
    }
}

using Senningen.Core.Countries;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Features.Anpr;

/// <summary>
/// Settings of <c>Senningen:Anpr</c>: batch and read limits, how often an instance checks the shared hotlist version,
/// and the partners this node exchanges ANPR hits with. The exchange partners default to the treaty's: Belgium and the
/// Netherlands exchange hotlist hits (art. 13 and its implementing agreement); Luxembourg takes no part in ANPR exchange.
/// <c>RunReads</c> and <c>RunFanIn</c> shape SQLite's index of stored reads (ADR 0012): reads per first-level run, and
/// how many runs of one size are merged into the next; <c>RunSlice</c>, the entries a merge or purge rewrites per
/// transaction (about 1 MB of pages by default, so the write gate is held for milliseconds at a time).
/// </summary>
internal sealed record AnprSettings(
    int MaxReadsPerBatch,
    int MaxCandidates,
    TimeSpan FutureTolerance,
    TimeSpan MaxReadAge,
    TimeSpan HotlistPollInterval,
    IReadOnlyList<CountryCode> ExchangePartners,
    int DemoReadsPerSecond = 0,
    int DemoListedEvery = 40,
    int RunReads = 8_192,
    int RunFanIn = 16,
    int RunSlice = 16_384)
{
    public const string SectionName = "Senningen:Anpr";

    /// <summary>Who exchanges ANPR hits with whom when configuration says nothing: data, not a rule in code.</summary>
    private static readonly Dictionary<string, string[]> TreatyExchangePartners = new(StringComparer.Ordinal)
    {
        ["BE"] = ["NL"],
        ["NL"] = ["BE"],
        ["LU"] = [],
    };

    public bool ExchangesWith(CountryCode country) => ExchangePartners.Contains(country);

    public static AnprSettings Read(IConfiguration configuration, NodeSettings node)
    {
        var problems = new List<string>();
        var section = configuration.GetSection(SectionName);
        var values = new SettingReader(configuration, SectionName, problems);
        var settings = new AnprSettings(
            (int)values.Number("MaxReadsPerBatch", 5_000, 1, 100_000),
            (int)values.Number("MaxCandidates", 10, 1, 50),
            values.Duration("FutureTolerance", TimeSpan.FromMinutes(2)),
            values.Duration("MaxReadAge", TimeSpan.FromDays(30)),
            values.Duration("HotlistPollInterval", TimeSpan.FromSeconds(5)),
            Partners(section, node, problems),
            (int)values.Number("DemoReadsPerSecond", 0, 0, 500),
            (int)values.Number("DemoListedEvery", 40, 1, 100_000),
            (int)values.Number("RunReads", 8_192, 1, 1_000_000),
            (int)values.Number("RunFanIn", 16, 2, 64),
            (int)values.Number("RunSlice", 16_384, 2, 1_000_000));
        if (settings.DemoReadsPerSecond > 0 && !node.DemoMode)
        {
            problems.Add($"{SectionName}:DemoReadsPerSecond streams synthetic reads and is only allowed in demo mode (Senningen:Node:Demo).");
        }

        return problems.Count > 0 ? throw new ConfigurationProblemException(problems) : settings;
    }

    private static List<CountryCode> Partners(IConfigurationSection section, NodeSettings node, List<string> problems)
    {
        var configured = section.GetSection("ExchangePartners").GetChildren().Select(c => c.Value).ToList();
        var names = configured.Count > 0 ? configured : [.. TreatyExchangePartners.GetValueOrDefault(node.Country.Value, [])];
        var partners = new List<CountryCode>();
        foreach (var name in names)
        {
            if (!CountryCode.TryParseParty(name, out var code) || code == node.Country)
            {
                problems.Add($"{SectionName}:ExchangePartners holds '{name}': expected BE, NL or LU, other than this node's country.");
            }
            else
            {
                partners.Add(code);
            }
        }

        return partners;
    }
}

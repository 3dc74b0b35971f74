using System.Globalization;
using Senningen.Core.Countries;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Features.Anpr;

/// <summary>
/// Settings of <c>Senningen:Anpr</c>: batch and read limits, how often an instance checks the shared hotlist version,
/// and the partners this node exchanges ANPR hits with. The exchange partners default to the treaty's: Belgium and the
/// Netherlands exchange hotlist hits (art. 13 and its implementing agreement); Luxembourg takes no part in ANPR exchange.
/// </summary>
internal sealed record AnprSettings(
    int MaxReadsPerBatch,
    int MaxCandidates,
    TimeSpan FutureTolerance,
    TimeSpan MaxReadAge,
    TimeSpan HotlistPollInterval,
    IReadOnlyList<CountryCode> ExchangePartners,
    int DemoReadsPerSecond = 0,
    int DemoListedEvery = 40)
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
        var settings = new AnprSettings(
            (int)Number(section, "MaxReadsPerBatch", 5_000, 1, 100_000, problems),
            (int)Number(section, "MaxCandidates", 10, 1, 50, problems),
            Duration(section, "FutureTolerance", TimeSpan.FromMinutes(2), problems),
            Duration(section, "MaxReadAge", TimeSpan.FromDays(30), problems),
            Duration(section, "HotlistPollInterval", TimeSpan.FromSeconds(5), problems),
            Partners(section, node, problems),
            (int)Number(section, "DemoReadsPerSecond", 0, 0, 500, problems),
            (int)Number(section, "DemoListedEvery", 40, 1, 100_000, problems));
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

    private static long Number(IConfigurationSection section, string key, long fallback, long min, long max, List<string> problems)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        problems.Add($"{SectionName}:{key} = '{text}' is not valid: expected a whole number from {min} to {max}.");
        return fallback;
    }

    private static TimeSpan Duration(IConfigurationSection section, string key, TimeSpan fallback, List<string> problems)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero)
        {
            return value;
        }

        problems.Add($"{SectionName}:{key} = '{text}' is not valid: expected a positive duration such as 00:00:05.");
        return fallback;
    }
}

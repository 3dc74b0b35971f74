using Senningen.Core.Countries;
using Senningen.Core.Retention;
using Senningen.Core.Treaty;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Features.Retention;

/// <summary>
/// The node's retention table (<c>treaty/retention/retention.yaml</c> with the periods configuration sets under
/// <c>Senningen:Retention:&lt;Country&gt;:&lt;kind&gt;</c>), how often the worker runs and how many records one statement
/// touches. Every bad key or value stops the node, named.
/// </summary>
internal sealed record RetentionSettings(RetentionTable Table, CountryCode Country, TimeSpan PurgeInterval, int ChunkSize)
{
    public const string SectionName = "Senningen:Retention";

    /// <summary>ANPR's own key for the read period, older than this table: still honoured, and must not contradict it.</summary>
    public const string AnprReadKey = "Senningen:Anpr:Legal:Retention";

    private static readonly string[] PlainKeys = ["PurgeInterval", "ChunkSize", "Directory"];

    public RetentionRule RuleFor(string kind) => Table.RuleFor(Country, kind);

    public static RetentionSettings Read(IConfiguration configuration, NodeSettings node)
    {
        var problems = new List<string>();
        var values = new SettingReader(configuration, SectionName, problems);
        var directory = configuration[$"{SectionName}:Directory"] is { Length: > 0 } d ? d : Path.Combine(node.TreatyDirectory, "retention");
        var table = Load(directory);
        foreach (var child in configuration.GetSection(SectionName).GetChildren())
        {
            if (PlainKeys.Contains(child.Key, StringComparer.Ordinal))
            {
                continue;
            }

            if (!CountryCode.TryParse(child.Key, out var country) || !country.IsTreatyParty || country.Value != child.Key)
            {
                problems.Add($"{SectionName}:{child.Key} is not a setting: expected BE, NL, LU (periods per kind), {string.Join(", ", PlainKeys)}.");
                continue;
            }

            foreach (var kind in child.GetChildren())
            {
                if (!RetentionKinds.IsKnown(kind.Key))
                {
                    problems.Add($"{SectionName}:{child.Key}:{kind.Key} names no kind of record: expected one of {string.Join(", ", RetentionKinds.All)}.");
                    continue;
                }

                var period = values.Duration($"{child.Key}:{kind.Key}", TimeSpan.Zero);
                table = period > TimeSpan.Zero ? table.WithPeriod(country, kind.Key, period) : table;
            }
        }

        table = WithAnprKey(configuration, node.Country, table, problems);
        var settings = new RetentionSettings(table, node.Country,
            values.Duration("PurgeInterval", TimeSpan.FromHours(1)), (int)values.Number("ChunkSize", 5_000, 10, 1_000_000));
        return problems.Count > 0 ? throw new ConfigurationProblemException(problems) : settings;
    }

    private static RetentionTable WithAnprKey(IConfiguration configuration, CountryCode country, RetentionTable table, List<string> problems)
    {
        var text = configuration[AnprReadKey];
        if (string.IsNullOrWhiteSpace(text) || !TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var anpr) || anpr <= TimeSpan.Zero)
        {
            return table; // ANPR's own settings report a bad value.
        }

        var ours = $"{SectionName}:{country.Value}:{RetentionKinds.AnprRead}";
        if (!string.IsNullOrWhiteSpace(configuration[ours]))
        {
            var rule = table.RuleFor(country, RetentionKinds.AnprRead);
            if (rule.Period != anpr)
            {
                problems.Add($"{ours} ({rule.Period}) and {AnprReadKey} ({anpr}) disagree: set one of them.");
            }

            return table;
        }

        return table.WithPeriod(country, RetentionKinds.AnprRead, anpr);
    }

    private static RetentionTable Load(string directory)
    {
        var path = Path.Combine(directory, RetentionTableParser.FileName);
        if (!File.Exists(path))
        {
            throw new ConfigurationProblemException([$"{SectionName}:Directory = '{directory}' holds no {RetentionTableParser.FileName}: the retention table cannot be loaded."]);
        }

        var result = RetentionTableParser.Parse(new TreatySource(RetentionTableParser.FileName, File.ReadAllText(path)));
        return result.Table ?? throw new ConfigurationProblemException(
            [.. result.Problems.Select(p => $"retention table: {path}, line {p.Line}, column {p.Column}: {p.Message}")]);
    }
}

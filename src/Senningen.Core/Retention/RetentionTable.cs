using Senningen.Core.Countries;

namespace Senningen.Core.Retention;

/// <summary>
/// The validated retention table: one rule per treaty party and kind of record. Immutable; build it with
/// <see cref="RetentionTableParser.Parse"/> and apply configured periods with <see cref="WithPeriod"/>.
/// </summary>
public sealed class RetentionTable
{
    private readonly Dictionary<(CountryCode Country, string Kind), RetentionRule> _rules;

    internal RetentionTable(IEnumerable<RetentionRule> rules)
    {
        Rules = [.. rules.OrderBy(r => r.Country.Value, StringComparer.Ordinal).ThenBy(r => r.Kind, StringComparer.Ordinal)];
        _rules = Rules.ToDictionary(r => (r.Country, r.Kind));
    }

    /// <summary>All rules ordered by country and kind.</summary>
    public IReadOnlyList<RetentionRule> Rules { get; }

    /// <summary>The rule; the parser guarantees one for every party and known kind.</summary>
    public RetentionRule RuleFor(CountryCode country, string kind) =>
        _rules.TryGetValue((country, kind), out var rule) ? rule
        : throw new ArgumentException($"No retention rule for {country.Value} {kind}.", nameof(kind));

    /// <summary>Records of <paramref name="kind"/> counted from before the result are due in <paramref name="country"/> at <paramref name="now"/>.</summary>
    public DateTimeOffset CutoffFor(string kind, CountryCode country, DateTimeOffset now) => RuleFor(country, kind).CutoffAt(now);

    /// <summary>
    /// A table where <paramref name="country"/>'s <paramref name="kind"/> is kept for <paramref name="period"/>: an
    /// operator's setting. The rule keeps its legal basis, and is marked for review, since the figure is no longer the law's.
    /// </summary>
    public RetentionTable WithPeriod(CountryCode country, string kind, TimeSpan period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        var rule = RuleFor(country, kind);
        if (rule.Period == period)
        {
            return this;
        }

        var changed = rule with
        {
            Period = period,
            Verify = true,
            OpenQuestion = $"Period set by configuration to {period.TotalDays:0.##} days instead of {rule.Period.TotalDays:0.##}. {rule.OpenQuestion}".TrimEnd(),
        };
        return new RetentionTable(Rules.Select(r => r == rule ? changed : r));
    }
}

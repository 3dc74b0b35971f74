using System.Globalization;
using Senningen.Core.Statistics;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Officers;
using Senningen.Node.Features.Requests.Public;

namespace Senningen.Node.Features.Statistics.Directive;

/// <summary>The figures of a year, or the rule the year broke.</summary>
internal sealed record DirectiveOutcome(DirectiveFigures? Figures, FieldError? Error);

/// <summary>
/// One year's art. 18 figures for the endpoint and the console page alike: the year is checked (a whole number from
/// <see cref="DirectiveStatistics.FirstYear"/> to the current year in Brussels), the facts read, the figures computed
/// and the read audited with the year and the format, so the DPO sees who took the figures out and when.
/// </summary>
internal sealed class DirectiveReport(RequestStatisticsFacts facts, AuditLog audit, CurrentOfficer officer, Texts texts, TimeProvider clock)
{
    public async Task<DirectiveOutcome> ReadAsync(string? year, string format, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var last = DirectiveStatistics.YearOf(now);
        if (string.IsNullOrWhiteSpace(year))
        {
            return new DirectiveOutcome(null, new FieldError("year", Rules.Required, texts["rule.required", "year"]));
        }

        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < DirectiveStatistics.FirstYear || value > last)
        {
            return new DirectiveOutcome(null, new FieldError("year", Rules.Range, texts["rule.range", "year", DirectiveStatistics.FirstYear, last]));
        }

        var (from, until) = DirectiveStatistics.Window(value);
        var figures = DirectiveStatistics.Compute(await facts.ReadAsync(from, until, ct), value, now);
        await audit.WriteAsync(new AuditRecord(AuditActions.StatisticsRead, AuditOutcomes.Success, Recipient: "directive-2023-977",
            Detail: $"art. 18 figures of {value} as {format}"), officer.Actor, ct);
        return new DirectiveOutcome(figures, null);
    }
}

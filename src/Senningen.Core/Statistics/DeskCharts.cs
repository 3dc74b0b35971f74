using System.Globalization;

namespace Senningen.Core.Statistics;

/// <summary>One chart's data: the category labels along the axis and one or more series of counts, one per label.</summary>
/// <param name="Labels">Stable keys (a band name, "2026-11", "2026-W49", a zone or context id); the console puts them into words.</param>
/// <param name="Lines">The series, each with one count per label.</param>
public sealed record ChartSeries(IReadOnlyList<string> Labels, IReadOnlyList<ChartLine> Lines)
{
    public int Total => Lines.Sum(l => l.Values.Sum());
}

/// <param name="Name">A stable key for the series ("within", "late", "crossings"); the console puts it into words.</param>
/// <param name="Values">One count per label of the chart.</param>
public sealed record ChartLine(string Name, IReadOnlyList<int> Values);

/// <summary>
/// The counting behind the desk's dashboard charts (issue 20): pure, so the bands, months and weeks can be tested on a
/// fixed clock. Months and weeks are calendar ones in the partners' common zone (<see cref="DirectiveStatistics.Zone"/>),
/// weeks ISO 8601 (Monday first), so a Belgian and a Dutch desk count the same week the same way.
/// </summary>
public static class DeskCharts
{
    /// <summary>The deadline bands, nearest first; the Directive's deadlines are 8 hours, 3 days and 7 days.</summary>
    public static IReadOnlyList<string> Bands { get; } = ["overdue", "within-8-hours", "within-3-days", "within-7-days", "later"];

    /// <summary>Open requests by how long is left until their answer is due.</summary>
    public static ChartSeries DeadlineBands(IEnumerable<DateTimeOffset> answerBy, DateTimeOffset now)
    {
        var counts = new int[Bands.Count];
        foreach (var due in answerBy)
        {
            var left = due - now;
            counts[left < TimeSpan.Zero ? 0 : left <= TimeSpan.FromHours(8) ? 1 : left <= TimeSpan.FromDays(3) ? 2 : left <= TimeSpan.FromDays(7) ? 3 : 4]++;
        }

        return new ChartSeries(Bands, [new ChartLine("open", counts)]);
    }

    /// <summary>Answers per calendar month over the last <paramref name="months"/> months (this one included), split into those
    /// given by their deadline and those given late; an answer outside the window is not counted.</summary>
    public static ChartSeries AnswersByMonth(IEnumerable<(DateTimeOffset AnsweredAt, DateTimeOffset AnswerBy)> answers, DateTimeOffset now, int months = 12)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        var local = TimeZoneInfo.ConvertTime(now, DirectiveStatistics.Zone);
        var first = new DateTime(local.Year, local.Month, 1).AddMonths(1 - months);
        var labels = Enumerable.Range(0, months).Select(i => first.AddMonths(i).ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToArray();
        var within = new int[months];
        var late = new int[months];
        foreach (var (answeredAt, answerBy) in answers)
        {
            var at = TimeZoneInfo.ConvertTime(answeredAt, DirectiveStatistics.Zone);
            var index = (at.Year - first.Year) * 12 + at.Month - first.Month;
            if (index < 0 || index >= months)
            {
                continue;
            }

            (answeredAt <= answerBy ? within : late)[index]++;
        }

        return new ChartSeries(labels, [new ChartLine("within", within), new ChartLine("late", late)]);
    }

    /// <summary>Counts per ISO week over the last <paramref name="weeks"/> weeks (this one included), labelled "2026-W49".</summary>
    public static ChartSeries PerWeek(IEnumerable<DateTimeOffset> instants, DateTimeOffset now, int weeks = 12, string name = "count")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        var thisMonday = MondayOf(now);
        var firstMonday = thisMonday.AddDays(-7 * (weeks - 1));
        var labels = Enumerable.Range(0, weeks).Select(i => WeekLabel(firstMonday.AddDays(7 * i))).ToArray();
        var counts = new int[weeks];
        foreach (var instant in instants)
        {
            var index = (int)((MondayOf(instant) - firstMonday).TotalDays / 7);
            if (index >= 0 && index < weeks)
            {
                counts[index]++;
            }
        }

        return new ChartSeries(labels, [new ChartLine(name, counts)]);
    }

    /// <summary>
    /// Counts per key for several named series over the same keys (crossings and alerts per border section), keys ordered by
    /// their total, largest first, then by key, and cut to the <paramref name="top"/> largest so a chart stays legible.
    /// </summary>
    public static ChartSeries PerKey(IReadOnlyList<(string Name, IEnumerable<string> Keys)> series, int top = 12)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var counted = series.Select(s => (s.Name, Counts: s.Keys.GroupBy(k => k, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal)))
            .ToList();
        var labels = counted.SelectMany(s => s.Counts.Keys).Distinct(StringComparer.Ordinal)
            .OrderByDescending(k => counted.Sum(s => s.Counts.GetValueOrDefault(k))).ThenBy(k => k, StringComparer.Ordinal)
            .Take(top).ToArray();
        return new ChartSeries(labels, [.. counted.Select(s => new ChartLine(s.Name, [.. labels.Select(k => s.Counts.GetValueOrDefault(k))]))]);
    }

    private static DateTime MondayOf(DateTimeOffset instant)
    {
        var day = TimeZoneInfo.ConvertTime(instant, DirectiveStatistics.Zone).Date;
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    private static string WeekLabel(DateTime monday) =>
        $"{ISOWeek.GetYear(monday).ToString(CultureInfo.InvariantCulture)}-W{ISOWeek.GetWeekOfYear(monday).ToString("00", CultureInfo.InvariantCulture)}";
}

using Senningen.Core.Statistics;

namespace Senningen.Core.Tests.Statistics;

public sealed class DeskChartsTests
{
    // Monday 7 December 2026, 13:00 in Brussels.
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static int[] Values(ChartSeries series, string line) => [.. series.Lines.Single(l => l.Name == line).Values];

    [Fact]
    public void DeadlineBands_PutEachDeadlineInTheNearestBandItFits_OnTheBoundariesInclusive()
    {
        var series = DeskCharts.DeadlineBands(
        [
            Now.AddSeconds(-1), Now, Now.AddHours(8), Now.AddHours(8).AddSeconds(1), Now.AddDays(3), Now.AddDays(7), Now.AddDays(7).AddSeconds(1),
            Now.AddDays(30),
        ], Now);

        series.Labels.ShouldBe(["overdue", "within-8-hours", "within-3-days", "within-7-days", "later"]);
        Values(series, "open").ShouldBe([1, 2, 2, 1, 2]);
        series.Total.ShouldBe(8);
    }

    [Fact]
    public void AnswersByMonth_CountsTwelveCalendarMonthsInBrussels_SplitWithinAndLate()
    {
        var series = DeskCharts.AnswersByMonth(
        [
            // 30 November 23:30 UTC is 1 December in Brussels.
            (new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)),
            (new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 9, 0, 0, 0, TimeSpan.Zero)),
            (new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 6, 0, 0, 0, TimeSpan.Zero)),
            // December 2025 is the thirteenth month back: outside the chart.
            (new DateTimeOffset(2025, 12, 20, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 12, 21, 0, 0, 0, TimeSpan.Zero)),
        ], Now);

        series.Labels.Count.ShouldBe(12);
        series.Labels[0].ShouldBe("2026-01");
        series.Labels[^1].ShouldBe("2026-12");
        Values(series, "within").ShouldBe([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
        Values(series, "late").ShouldBe([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
    }

    [Fact]
    public void PerWeek_UsesIsoWeeksInBrussels_AcrossTheTurnOfTheYear()
    {
        var now = new DateTimeOffset(2027, 1, 6, 12, 0, 0, TimeSpan.Zero);
        var series = DeskCharts.PerWeek(
        [
            // Sunday 3 January 2027 23:30 in Brussels is still ISO week 53 of 2026.
            new DateTimeOffset(2027, 1, 3, 22, 30, 0, TimeSpan.Zero),
            // Sunday 23:30 UTC is Monday 00:30 in Brussels: week 1 of 2027.
            new DateTimeOffset(2027, 1, 3, 23, 30, 0, TimeSpan.Zero),
            now,
            now.AddDays(-7 * 12),
        ], now, weeks: 3, name: "hits");

        series.Labels.ShouldBe(["2026-W52", "2026-W53", "2027-W01"]);
        Values(series, "hits").ShouldBe([0, 1, 2]);
    }

    [Fact]
    public void PerKey_OrdersSectionsByTheirTotal_SharesTheLabelsBetweenSeries_AndKeepsTheLargest()
    {
        var series = DeskCharts.PerKey(
        [
            ("crossings", ["NL-RE08", "NL-RE08", "BE-VAN"]),
            ("alerts", ["BE-LIM", "BE-LIM", "BE-LIM", "BE-VAN"]),
        ], top: 2);

        series.Labels.ShouldBe(["BE-LIM", "BE-VAN"]);
        Values(series, "crossings").ShouldBe([0, 1]);
        Values(series, "alerts").ShouldBe([3, 1]);
    }

    [Fact]
    public void BadWindows_AreRefused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => DeskCharts.PerWeek([], Now, weeks: 0));
        Should.Throw<ArgumentOutOfRangeException>(() => DeskCharts.AnswersByMonth([], Now, months: 0));
        Should.Throw<ArgumentOutOfRangeException>(() => DeskCharts.PerKey([], top: 0));
    }
}

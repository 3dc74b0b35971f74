using Senningen.Core.Statistics;
using Senningen.Node.Features.Anpr.Public;
using Senningen.Node.Features.Consultation.Public;
using Senningen.Node.Features.Operations.Public;
using Senningen.Node.Features.Requests.Public;

namespace Senningen.Node.Features.Statistics.Dashboard;

/// <summary>The desk's dashboard charts at one instant; labels and series names are stable keys, put into words by the reader.</summary>
public sealed record DeskDashboardView(DateTimeOffset AsOf, ChartSeries OpenByDeadline, ChartSeries AnswersByMonth, ChartSeries CrossingsAndAlerts,
    ChartSeries HitsPerWeek, ChartSeries ConsultationsPerContext);

/// <summary>
/// Reads the desk's dashboard (issue 20): open requests by deadline band, answers within the deadline by month (12 months),
/// crossings and alerts per border section and consultations per context (90 days), ANPR hits per week (12 weeks). Counts
/// only, from each capability's public facts, so nothing personal is shown and the reads are not audited; the page and
/// <c>GET /api/v1/statistics/dashboard</c> both call this.
/// </summary>
internal sealed class DeskDashboard(RequestChartFacts requests, OperationChartFacts operations, HitChartFacts hits,
    ConsultationChartFacts consultations, TimeProvider clock)
{
    public static readonly TimeSpan RecentPeriod = TimeSpan.FromDays(90);

    public async Task<DeskDashboardView> ReadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var recent = now - RecentPeriod;
        var open = DeskCharts.DeadlineBands(await requests.OpenDeadlinesAsync(ct), now);
        // A year back covers the twelve calendar months the chart shows, whatever the day of the month.
        var answers = DeskCharts.AnswersByMonth(await requests.AnswersSinceAsync(now.AddDays(-400), ct), now);
        var sections = DeskCharts.PerKey([("crossings", await operations.CrossingZonesSinceAsync(recent, ct)),
            ("alerts", await operations.AlertZonesSinceAsync(recent, ct))]);
        var perWeek = DeskCharts.PerWeek(await hits.ObservedSinceAsync(now.AddDays(-7 * 13), ct), now, name: "hits");
        var contexts = DeskCharts.PerKey([("consultations", await consultations.ContextsSinceAsync(recent, ct))]);
        return new DeskDashboardView(now, open, answers, sections, perWeek, contexts);
    }
}

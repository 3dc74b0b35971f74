using Senningen.Node.Common.Security;
using Senningen.Node.Features.Anpr.Public;
using Senningen.Node.Features.Consultation.Public;
using Senningen.Node.Features.Operations.Public;
using Senningen.Node.Features.Requests.Public;
using Senningen.Node.Features.Statistics.Dashboard;
using Senningen.Node.Features.Statistics.Directive;

namespace Senningen.Node.Features.Statistics;

/// <summary>
/// Statistics the national desk owes the Commission (issue 20): Directive (EU) 2023/977, art. 18, from the request and
/// audit stores, as JSON, CSV and a printable console page. Figures only, no personal data; every read is audited.
/// </summary>
internal static class StatisticsModule
{
    public static WebApplicationBuilder AddStatistics(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DirectiveReport>().AddScoped<DeskDashboard>();
        // The capabilities' public facts the dashboard counts; only the dashboard reads them.
        builder.Services.AddScoped<RequestChartFacts>().AddScoped<OperationChartFacts>().AddScoped<HitChartFacts>().AddScoped<ConsultationChartFacts>();
        return builder;
    }

    public static WebApplication MapStatistics(this WebApplication app)
    {
        var statistics = app.MapGroup("/api/v1/statistics").RequireAuthorization(Policies.Statistics).WithTags("Statistics");
        statistics.MapGet("/directive-2023-977", ReadDirectiveStatistics.HandleAsync)
            .WithSummary("Directive (EU) 2023/977 art. 18 figures of one calendar year (year=, Europe/Brussels): sent, received and answered, " +
                "refusals by ground, missed deadlines; JSON, or CSV with Accept: text/csv or format=csv (audited).");
        statistics.MapGet("/dashboard", async (DeskDashboard dashboard, CancellationToken ct) => TypedResults.Ok(await dashboard.ReadAsync(ct)))
            .WithSummary("The desk's dashboard counts: open requests by deadline band, answers within the deadline by month, crossings and " +
                "alerts per border section, ANPR hits per week, consultations per context (counts only, no personal data).");
        return app;
    }
}

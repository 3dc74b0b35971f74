using Senningen.Node.Common.Security;
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
        builder.Services.AddScoped<DirectiveReport>();
        return builder;
    }

    public static WebApplication MapStatistics(this WebApplication app)
    {
        var statistics = app.MapGroup("/api/v1/statistics").RequireAuthorization(Policies.Statistics).WithTags("Statistics");
        statistics.MapGet("/directive-2023-977", ReadDirectiveStatistics.HandleAsync)
            .WithSummary("Directive (EU) 2023/977 art. 18 figures of one calendar year (year=, Europe/Brussels): sent, received and answered, " +
                "refusals by ground, missed deadlines; JSON, or CSV with Accept: text/csv or format=csv (audited).");
        return app;
    }
}

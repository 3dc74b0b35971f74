using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Core.Statistics;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Statistics.Directive;

/// <summary>
/// <c>GET /api/v1/statistics/directive-2023-977?year=</c>: the art. 18 figures of one year as JSON, or as CSV when the
/// caller asks with <c>Accept: text/csv</c> or <c>format=csv</c>; 400 problem+json naming <c>year</c> or <c>format</c>.
/// </summary>
internal static class ReadDirectiveStatistics
{
    public static async Task<Results<Ok<DirectiveFigures>, ContentHttpResult, ProblemHttpResult>> HandleAsync(string? year, string? format,
        HttpRequest http, DirectiveReport report, Texts texts, CancellationToken ct)
    {
        if (format is not (null or "json" or "csv"))
        {
            return Problems.Validation(texts, new FieldError("format", Rules.OneOf, texts["rule.one-of", "format", "json, csv"]));
        }

        var csv = format == "csv" || (format is null && http.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)));
        var outcome = await report.ReadAsync(year, csv ? "csv" : "json", ct);
        if (outcome.Figures is not { } figures)
        {
            return Problems.Validation(texts, outcome.Error!);
        }

        if (!csv)
        {
            return TypedResults.Ok(figures);
        }

        http.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"directive-2023-977-{figures.Year}.csv\"";
        return TypedResults.Text(DirectiveCsv.Write(figures, texts, Texts.CurrentLanguage), "text/csv", Encoding.UTF8);
    }
}

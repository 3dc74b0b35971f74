using System.Globalization;
using System.Text;
using Senningen.Core.Statistics;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Statistics.Directive;

/// <summary>
/// The figures as RFC 4180 CSV, one count per line (section, measure, country, count) so a spreadsheet pivots them as the
/// Commission's template wants; section and measure in the caller's language, countries and years as codes.
/// </summary>
internal static class DirectiveCsv
{
    public static string Write(DirectiveFigures figures, Texts texts, string language)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(texts);
        var csv = new StringBuilder();
        string T(string key) => texts.Get(language, key);
        Line(csv, T("statistics.csv.section"), T("statistics.csv.measure"), T("statistics.csv.country"), T("statistics.csv.count"), T("statistics.csv.year"));
        void Add(string section, string measure, string country, long count) =>
            Line(csv, T($"statistics.section.{section}"), measure, country, count.ToString(CultureInfo.InvariantCulture),
                figures.Year.ToString(CultureInfo.InvariantCulture));
        foreach (var s in figures.Sent)
        {
            Add("sent", T("statistics.urgent"), s.Country, s.Urgent);
            Add("sent", T("statistics.other"), s.Country, s.Other);
        }

        foreach (var r in figures.Received)
        {
            Add("received", T("statistics.received-urgent"), r.Country, r.ReceivedUrgent);
            Add("received", T("statistics.received-other"), r.Country, r.ReceivedOther);
            Add("received", T("statistics.answered-urgent"), r.Country, r.AnsweredUrgent);
            Add("received", T("statistics.answered-other"), r.Country, r.AnsweredOther);
        }

        foreach (var r in figures.Refusals)
        {
            Add("refusals", T($"statistics.ground.{r.Ground}"), r.Country, r.Count);
        }

        foreach (var d in figures.Deadlines)
        {
            Add("deadlines", T("statistics.missed"), d.Country, d.Missed);
            Add("deadlines", T("statistics.missed-judicial"), d.Country, d.MissedForJudicialAuthorisation);
            Add("deadlines", T("statistics.judicial-delay-hours"), d.Country, d.JudicialDelayHours);
        }

        return csv.ToString();
    }

    private static void Line(StringBuilder csv, params string[] fields) =>
        csv.Append(string.Join(',', fields.Select(Field))).Append("\r\n");

    // Labels are ours, but a quote or comma in a translation must not shift the columns.
    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}

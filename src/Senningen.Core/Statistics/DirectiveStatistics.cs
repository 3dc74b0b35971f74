using Senningen.Core.Requests;

namespace Senningen.Core.Statistics;

/// <summary>
/// The statistics a Member State gives the Commission by 1 March for the previous calendar year, Directive (EU) 2023/977,
/// art. 18. Every step counts in the year it happened: a request received on 30 December and answered on 4 January is
/// received in one year and answered in the next; a missed deadline counts in the year the deadline passed, once it has.
/// Years are calendar years in the partners' common zone (Europe/Brussels, the same rules as Amsterdam and Luxembourg):
/// a request a desk receives at 00:30 on New Year's Day belongs to the new year, as its officers and registers say, not
/// to the old one as UTC would have it.
/// </summary>
public static class DirectiveStatistics
{
    /// <summary>The Directive was adopted on 10 May 2023; no exchange under it predates that year.</summary>
    public const int FirstYear = 2023;

    public const string ZoneId = "Europe/Brussels";

    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    /// <summary>The calendar year <paramref name="at"/> falls in, in the partners' zone.</summary>
    public static int YearOf(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).Year;

    /// <summary>The instants [from, until) of the calendar year in the partners' zone.</summary>
    public static (DateTimeOffset From, DateTimeOffset Until) Window(int year) => (StartOf(year), StartOf(year + 1));

    public static DirectiveFigures Compute(IEnumerable<RequestFacts> requests, int year, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var (from, until) = Window(year);
        bool In(DateTimeOffset? at) => at is { } t && t >= from && t < until;

        var sent = new SortedDictionary<string, (int Urgent, int Other)>(StringComparer.Ordinal);
        var received = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        var refusals = new SortedDictionary<(string, string), int>();
        var deadlines = new SortedDictionary<string, (int Missed, int Judicial, long Hours)>(StringComparer.Ordinal);
        foreach (var r in requests)
        {
            if (r.Side == RequestSide.Requesting)
            {
                if (In(r.SubmittedAt))
                {
                    var (urgent, other) = sent.GetValueOrDefault(r.RequestedCountry.Value);
                    sent[r.RequestedCountry.Value] = r.IsUrgent ? (urgent + 1, other) : (urgent, other + 1);
                }

                continue;
            }

            var country = r.RequestingCountry.Value;
            var urgency = r.IsUrgent ? 0 : 1;
            if (In(r.ReceivedAt))
            {
                Row(received, country)[urgency]++;
            }

            if (In(r.AnsweredAt))
            {
                Row(received, country)[2 + urgency]++;
            }

            if (In(r.RefusedAt))
            {
                var key = (country, RefusalGrounds.Of(r.Ground));
                refusals[key] = refusals.GetValueOrDefault(key) + 1;
            }

            if (IsMissed(r, now) && In(r.AnswerBy))
            {
                var (missed, judicial, hours) = deadlines.GetValueOrDefault(country);
                deadlines[country] = r.JudicialAuthorisation
                    ? (missed + 1, judicial + 1, hours + (long)Math.Round((r.JudicialDelay ?? TimeSpan.Zero).TotalHours))
                    : (missed + 1, judicial, hours);
            }
        }

        return new DirectiveFigures(year, ZoneId, from, until, now,
            [.. sent.Select(s => new SentRow(s.Key, s.Value.Urgent, s.Value.Other))],
            [.. received.Select(s => new ReceivedRow(s.Key, s.Value[0], s.Value[1], s.Value[2], s.Value[3]))],
            [.. refusals.Select(s => new RefusalRow(s.Key.Item1, s.Key.Item2, s.Value))],
            [.. deadlines.Select(s => new DeadlineRow(s.Key, s.Value.Missed, s.Value.Judicial, s.Value.Hours))]);
    }

    /// <summary>
    /// A deadline is missed once it has passed (as of <paramref name="now"/>) while the clock still ran: no answer, refusal
    /// or withdrawal by then. A request received but never given a deadline (drafts, crisis pages) has none to miss.
    /// </summary>
    public static bool IsMissed(RequestFacts request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.AnswerBy is { } by && by <= now && (request.StoppedAt is not { } stopped || stopped > by);
    }

    private static int[] Row(SortedDictionary<string, int[]> rows, string country) =>
        rows.TryGetValue(country, out var row) ? row : rows[country] = new int[4];

    private static DateTimeOffset StartOf(int year)
    {
        var local = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}

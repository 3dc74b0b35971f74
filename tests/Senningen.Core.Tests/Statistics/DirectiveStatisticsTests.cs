using Senningen.Core.Countries;
using Senningen.Core.Requests;
using Senningen.Core.Statistics;

namespace Senningen.Core.Tests.Statistics;

public sealed class DirectiveStatisticsTests
{
    private static readonly CountryCode Be = CountryCode.Belgium, Nl = CountryCode.Netherlands, Lu = CountryCode.Luxembourg;

    // Late in the year after: every deadline of 2025 has passed.
    private static readonly DateTimeOffset Later = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Utc(int y, int mo, int d, int h = 12, int mi = 0) => new(y, mo, d, h, mi, 0, TimeSpan.Zero);

    private static RequestFacts Received(CountryCode from, Urgency urgency, DateTimeOffset at, DateTimeOffset? answered = null,
        DateTimeOffset? refused = null, RefusalGround ground = RefusalGround.Unspecified, DateTimeOffset? withdrawn = null, bool judicial = false,
        TimeSpan? delay = null) =>
        new(RequestSide.Requested, from, Be, urgency, at, at, answered, refused, ground, withdrawn, at + RequestDeadlines.WindowOf(urgency).Window,
            judicial, delay);

    private static RequestFacts Sent(CountryCode to, Urgency urgency, DateTimeOffset at) =>
        new(RequestSide.Requesting, Be, to, urgency, at, null, null, null, RefusalGround.Unspecified, null, at + RequestDeadlines.WindowOf(urgency).Window,
            false, null);

    [Fact]
    public void Window_IsTheCalendarYearInBrussels_NotInUtc()
    {
        var (from, until) = DirectiveStatistics.Window(2025);

        from.ShouldBe(new DateTimeOffset(2024, 12, 31, 23, 0, 0, TimeSpan.Zero), "midnight CET is 23:00 UTC the day before");
        until.ShouldBe(new DateTimeOffset(2025, 12, 31, 23, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData(2024, 12, 31, 22, 59, 2024)]
    [InlineData(2024, 12, 31, 23, 0, 2025)]
    [InlineData(2025, 12, 31, 22, 59, 2025)]
    [InlineData(2025, 12, 31, 23, 30, 2026)]
    [InlineData(2025, 7, 1, 0, 0, 2025)]
    public void YearOf_CountsInTheBrusselsZone(int y, int mo, int d, int h, int mi, int year) =>
        DirectiveStatistics.YearOf(Utc(y, mo, d, h, mi)).ShouldBe(year);

    [Fact]
    public void RequestReceivedHalfAnHourIntoNewYearsDay_CountsInTheNewYear_NotTheOld()
    {
        // 23:30 UTC on 31 December is 00:30 on 1 January in Brussels.
        var facts = new[] { Received(Nl, Urgency.Normal, Utc(2025, 12, 31, 23, 30)) };

        DirectiveStatistics.Compute(facts, 2025, Later).Received.ShouldBeEmpty();
        DirectiveStatistics.Compute(facts, 2026, Later).Received.ShouldBe([new ReceivedRow("NL", 0, 1, 0, 0)]);
    }

    [Fact]
    public void Sent_CountsThisNodesRequestsByRequestedCountry_UrgentAndOther()
    {
        RequestFacts[] facts =
        [
            Sent(Nl, Urgency.Normal, Utc(2025, 3, 1)), Sent(Nl, Urgency.UrgentDirect, Utc(2025, 3, 2)), Sent(Lu, Urgency.Urgent, Utc(2025, 4, 1)),
            Sent(Lu, Urgency.Normal, Utc(2024, 4, 1)),
        ];

        var figures = DirectiveStatistics.Compute(facts, 2025, Later);

        figures.Sent.ShouldBe([new SentRow("LU", 1, 0), new SentRow("NL", 1, 1)]);
        figures.Received.ShouldBeEmpty("sent requests are not received ones");
    }

    [Fact]
    public void ReceivedInOneYear_AnsweredInTheNext_CountsEachStepInItsOwnYear()
    {
        var facts = new[] { Received(Lu, Urgency.Urgent, Utc(2025, 12, 30), answered: Utc(2026, 1, 2)) };

        DirectiveStatistics.Compute(facts, 2025, Later).Received.ShouldBe([new ReceivedRow("LU", 1, 0, 0, 0)]);
        DirectiveStatistics.Compute(facts, 2026, Later).Received.ShouldBe([new ReceivedRow("LU", 0, 0, 1, 0)]);
    }

    [Fact]
    public void Refusals_ByRequestingCountryAndGround()
    {
        RequestFacts[] facts =
        [
            Received(Nl, Urgency.Normal, Utc(2025, 5, 1), refused: Utc(2025, 5, 2), ground: RefusalGround.NotAvailable),
            Received(Nl, Urgency.Urgent, Utc(2025, 5, 1), refused: Utc(2025, 5, 2), ground: RefusalGround.NotAvailable),
            Received(Nl, Urgency.Normal, Utc(2025, 5, 1), refused: Utc(2025, 5, 3), ground: RefusalGround.MinorOffence),
            Received(Lu, Urgency.Normal, Utc(2025, 5, 1), refused: Utc(2025, 5, 3)),
        ];

        DirectiveStatistics.Compute(facts, 2025, Later).Refusals.ShouldBe(
            [new RefusalRow("LU", "unspecified", 1), new RefusalRow("NL", "minor-offence", 1), new RefusalRow("NL", "not-available", 2)]);
    }

    [Fact]
    public void DeadlineThatStraddlesTheYear_IsMissedInTheYearItPassed_AndOnlyOnceItHasPassed()
    {
        // Received on 29 December 2025: the seven days run out on 5 January 2026, and nobody answers.
        var facts = new[] { Received(Nl, Urgency.Normal, Utc(2025, 12, 29)) };

        DirectiveStatistics.Compute(facts, 2025, Later).Deadlines.ShouldBeEmpty();
        DirectiveStatistics.Compute(facts, 2026, Utc(2026, 1, 5, 11)).Deadlines.ShouldBeEmpty("the deadline has not passed yet");
        DirectiveStatistics.Compute(facts, 2026, Utc(2026, 1, 5, 12)).Deadlines.ShouldBe([new DeadlineRow("NL", 1, 0, 0)]);
    }

    [Fact]
    public void AnswerOnTheDeadline_IsNotMissed_AnAnswerAMinuteLate_Is()
    {
        var at = Utc(2025, 6, 1);
        RequestFacts[] facts =
        [
            Received(Lu, Urgency.UrgentDirect, at, answered: at.AddHours(8)),
            Received(Lu, Urgency.UrgentDirect, at, answered: at.AddHours(8).AddMinutes(1)),
            Received(Lu, Urgency.UrgentDirect, at, refused: at.AddHours(1), ground: RefusalGround.Inaccurate),
            Received(Lu, Urgency.UrgentDirect, at, withdrawn: at.AddHours(2)),
        ];

        DirectiveStatistics.Compute(facts, 2025, Later).Deadlines.ShouldBe([new DeadlineRow("LU", 1, 0, 0)]);
    }

    [Fact]
    public void MissedForAJudicialAuthorisation_IsCountedApart_WithTheDeclaredDelay()
    {
        var at = Utc(2025, 9, 1);
        RequestFacts[] facts =
        [
            Received(Nl, Urgency.Normal, at, answered: at.AddDays(9), judicial: true, delay: TimeSpan.FromDays(2)),
            Received(Nl, Urgency.Urgent, at, judicial: true, delay: TimeSpan.FromHours(30)),
            Received(Nl, Urgency.Urgent, at),
            // Declared, but answered in time after all: no missed deadline to explain.
            Received(Nl, Urgency.Normal, at, answered: at.AddDays(6), judicial: true, delay: TimeSpan.FromDays(1)),
        ];

        DirectiveStatistics.Compute(facts, 2025, Later).Deadlines.ShouldBe([new DeadlineRow("NL", 3, 2, 48 + 30)]);
    }

    [Fact]
    public void EveryFigure_AgreesWithCountingEachRequestByHand()
    {
        // A reference oracle over a deterministic mix: whatever the engine groups, its totals equal plain counts.
        var random = new Random(2025);
        var countries = new[] { Nl, Lu };
        var facts = Enumerable.Range(0, 400).Select(i =>
        {
            var at = Utc(2024, 12, 1).AddHours(random.Next(0, 24 * 430));
            var urgency = (Urgency)random.Next(0, 3);
            var outcome = random.Next(0, 4);
            return i % 5 == 0
                ? Sent(countries[i % 2], urgency, at)
                : Received(countries[i % 2], urgency, at, answered: outcome == 0 ? at.AddHours(random.Next(1, 24 * 10)) : null,
                    refused: outcome == 1 ? at.AddHours(random.Next(1, 24 * 10)) : null, ground: (RefusalGround)random.Next(0, 9),
                    judicial: outcome == 2, delay: TimeSpan.FromHours(random.Next(0, 100)));
        }).ToList();

        var figures = DirectiveStatistics.Compute(facts, 2025, Later);

        bool In(DateTimeOffset? t) => t is { } v && DirectiveStatistics.YearOf(v) == 2025;
        var requested = facts.Where(f => f.Side == RequestSide.Requested).ToList();
        figures.Sent.Sum(s => s.Total).ShouldBe(facts.Count(f => f.Side == RequestSide.Requesting && In(f.SubmittedAt)));
        figures.Received.Sum(r => r.ReceivedUrgent).ShouldBe(requested.Count(f => f.IsUrgent && In(f.ReceivedAt)));
        figures.Received.Sum(r => r.ReceivedOther).ShouldBe(requested.Count(f => !f.IsUrgent && In(f.ReceivedAt)));
        figures.Received.Sum(r => r.AnsweredUrgent + r.AnsweredOther).ShouldBe(requested.Count(f => In(f.AnsweredAt)));
        figures.Refusals.Sum(r => r.Count).ShouldBe(requested.Count(f => In(f.RefusedAt)));
        figures.Deadlines.Sum(d => d.Missed).ShouldBe(requested.Count(f => In(f.AnswerBy) && (f.StoppedAt is null || f.StoppedAt > f.AnswerBy)));
        figures.Deadlines.Sum(d => d.MissedForJudicialAuthorisation)
            .ShouldBe(requested.Count(f => f.JudicialAuthorisation && In(f.AnswerBy) && (f.StoppedAt is null || f.StoppedAt > f.AnswerBy)));
    }
}

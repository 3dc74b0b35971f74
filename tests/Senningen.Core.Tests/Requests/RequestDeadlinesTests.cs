using Microsoft.Extensions.Time.Testing;
using Senningen.Core.Requests;

namespace Senningen.Core.Tests.Requests;

/// <summary>The clocks of Directive (EU) 2023/977 per urgency, driven by a fake clock from submission past the deadline.</summary>
public sealed class RequestDeadlinesTests
{
    private static readonly DateTimeOffset Submitted = new(2026, 11, 20, 16, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan CrisisAck = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(Urgency.UrgentDirect, 8 * 60, 6 * 60)]
    [InlineData(Urgency.Urgent, 3 * 24 * 60, 2 * 24 * 60)]
    [InlineData(Urgency.Normal, 7 * 24 * 60, 5 * 24 * 60)]
    [InlineData(Urgency.Crisis, 60, 45)]
    public void Plan_PerUrgency_AnswerByAndReminderFromSubmission(Urgency urgency, int answerMinutes, int remindMinutes)
    {
        var plan = RequestDeadlines.Plan(urgency, Submitted, CrisisAck);

        plan.AnswerBy.ShouldBe(Submitted.AddMinutes(answerMinutes));
        plan.RemindAt.ShouldBe(Submitted.AddMinutes(remindMinutes));
        plan.AcknowledgeBy.ShouldBe(urgency == Urgency.Crisis ? Submitted + CrisisAck : null);
    }

    [Fact]
    public void SevenCalendarDays_CountTheWeekend()
    {
        // Friday 16:30 → the next Friday 16:30, Saturday and Sunday included.
        RequestDeadlines.Plan(Urgency.Normal, Submitted, CrisisAck).AnswerBy.DayOfWeek.ShouldBe(DayOfWeek.Friday);
        RequestDeadlines.Plan(Urgency.Urgent, Submitted, CrisisAck).AnswerBy.ShouldBe(new DateTimeOffset(2026, 11, 23, 16, 30, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData(Urgency.UrgentDirect)]
    [InlineData(Urgency.Urgent)]
    [InlineData(Urgency.Normal)]
    public void FakeClock_RunsFromSubmission_NothingThenReminderThenEscalation(Urgency urgency)
    {
        var clock = new FakeTimeProvider(Submitted);
        var plan = RequestDeadlines.Plan(urgency, clock.GetUtcNow(), CrisisAck);
        var reminded = false;
        var seen = new List<(TimeSpan After, DeadlineDue Due)>();
        var step = TimeSpan.FromMinutes(15);
        while (clock.GetUtcNow() <= plan.AnswerBy + step)
        {
            var due = RequestDeadlines.Next(plan, running: true, acknowledged: false, reminded, escalated: false, clock.GetUtcNow());
            if (due != DeadlineDue.Nothing)
            {
                seen.Add((clock.GetUtcNow() - Submitted, due));
                reminded |= due == DeadlineDue.Remind;
                if (due == DeadlineDue.Escalate)
                {
                    break;
                }
            }

            clock.Advance(step);
        }

        seen.Select(s => s.Due).ShouldBe([DeadlineDue.Remind, DeadlineDue.Escalate]);
        seen[0].After.ShouldBe(plan.RemindAt - Submitted);
        seen[1].After.ShouldBe(plan.AnswerBy - Submitted);
    }

    [Fact]
    public void Crisis_NotAcknowledgedWithinMinutes_EscalatesBeforeTheAnswerDeadline()
    {
        var clock = new FakeTimeProvider(Submitted);
        var plan = RequestDeadlines.Plan(Urgency.Crisis, clock.GetUtcNow(), CrisisAck);

        clock.Advance(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(59));
        RequestDeadlines.Next(plan, true, acknowledged: false, false, false, clock.GetUtcNow()).ShouldBe(DeadlineDue.Nothing);
        clock.Advance(TimeSpan.FromSeconds(1));
        RequestDeadlines.Next(plan, true, acknowledged: false, false, false, clock.GetUtcNow()).ShouldBe(DeadlineDue.EscalateUnacknowledged);
        RequestDeadlines.Next(plan, true, acknowledged: true, false, false, clock.GetUtcNow()).ShouldBe(DeadlineDue.Nothing);
    }

    [Fact]
    public void StoppedOrAlreadyEscalated_NothingMoreIsDue()
    {
        var plan = RequestDeadlines.Plan(Urgency.Urgent, Submitted, CrisisAck);
        var late = plan.AnswerBy.AddDays(1);

        RequestDeadlines.Next(plan, running: false, false, false, false, late).ShouldBe(DeadlineDue.Nothing);
        RequestDeadlines.Next(plan, running: true, false, true, escalated: true, late).ShouldBe(DeadlineDue.Nothing);
    }

    [Theory]
    [InlineData(RequestState.Received, ClockStop.Decision, true)]
    [InlineData(RequestState.MoreInformation, ClockStop.Decision, true)]
    [InlineData(RequestState.Accepted, ClockStop.Decision, false)]
    [InlineData(RequestState.Accepted, ClockStop.Answer, true)]
    [InlineData(RequestState.InExecution, ClockStop.Answer, true)]
    [InlineData(RequestState.Done, ClockStop.Answer, false)]
    [InlineData(RequestState.Refused, ClockStop.Answer, false)]
    [InlineData(RequestState.Draft, ClockStop.Answer, false)]
    public void Clock_StopsAtTheDecisionOrTheAnswer(RequestState state, ClockStop stop, bool running) =>
        RequestDeadlines.IsRunning(state, stop).ShouldBe(running);

    [Fact]
    public void Status_ColoursTheDeadline()
    {
        var plan = RequestDeadlines.Plan(Urgency.UrgentDirect, Submitted, CrisisAck);

        RequestDeadlines.Status(plan, true, Submitted.AddHours(1)).ShouldBe(DeadlineStatus.OnTime);
        RequestDeadlines.Status(plan, true, Submitted.AddHours(7)).ShouldBe(DeadlineStatus.DueSoon);
        RequestDeadlines.Status(plan, true, Submitted.AddHours(9)).ShouldBe(DeadlineStatus.Overdue);
        RequestDeadlines.Status(plan, false, Submitted.AddHours(9)).ShouldBe(DeadlineStatus.Stopped);
    }
}

namespace Senningen.Core.Requests;

/// <summary>When the clock of a request stops: at the requested side's decision, or only once it has answered (done).</summary>
public enum ClockStop
{
    Decision,
    Answer,
}

/// <summary>The clock of one request, fixed at submission so that both nodes show the same deadlines.</summary>
/// <remarks>AcknowledgeBy: Crisis requests only: when the partner's desk must have acknowledged.</remarks>
public sealed record DeadlinePlan(Urgency Urgency, DateTimeOffset SubmittedAt, DateTimeOffset AnswerBy, DateTimeOffset RemindAt,
    DateTimeOffset? AcknowledgeBy);

/// <summary>What the deadline worker must do about a request now.</summary>
public enum DeadlineDue
{
    Nothing,
    Remind,

    /// <summary>The answer deadline passed: the national single point of contact takes over.</summary>
    Escalate,

    /// <summary>A crisis request nobody acknowledged in time: the national single point of contact is called.</summary>
    EscalateUnacknowledged,
}

/// <summary>How a list colours a request's deadline.</summary>
public enum DeadlineStatus
{
    Stopped,
    OnTime,
    DueSoon,
    Overdue,
}

/// <summary>
/// Deadlines of Directive (EU) 2023/977, art. 5: 8 hours for urgent requests on directly accessible information,
/// 3 calendar days for other urgent ones, 7 calendar days otherwise; crisis requests run on minutes (ADR 0014).
/// Calendar days are counted as whole 24-hour days from submission, weekends and holidays included.
/// </summary>
public static class RequestDeadlines
{
    public static readonly TimeSpan CrisisAnswerWithin = TimeSpan.FromMinutes(60);

    /// <summary>How long the deadline runs and how long before it the desk is reminded.</summary>
    public static (TimeSpan Window, TimeSpan ReminderLead) WindowOf(Urgency urgency) => urgency switch
    {
        Urgency.Normal => (TimeSpan.FromDays(7), TimeSpan.FromDays(2)),
        Urgency.Urgent => (TimeSpan.FromDays(3), TimeSpan.FromDays(1)),
        Urgency.UrgentDirect => (TimeSpan.FromHours(8), TimeSpan.FromHours(2)),
        Urgency.Crisis => (CrisisAnswerWithin, TimeSpan.FromMinutes(15)),
        _ => throw new ArgumentOutOfRangeException(nameof(urgency), urgency, "unknown urgency"),
    };

    public static DeadlinePlan Plan(Urgency urgency, DateTimeOffset submittedAt, TimeSpan crisisAcknowledgeWithin)
    {
        var (window, lead) = WindowOf(urgency);
        var answerBy = submittedAt + window;
        return new DeadlinePlan(urgency, submittedAt, answerBy, answerBy - lead,
            urgency == Urgency.Crisis ? submittedAt + crisisAcknowledgeWithin : null);
    }

    /// <summary>Is the clock running in <paramref name="state"/>? It stops at the decision or the answer, and for good when closed.</summary>
    public static bool IsRunning(RequestState state, ClockStop stop) => state switch
    {
        RequestState.Submitted or RequestState.Received or RequestState.MoreInformation => true,
        RequestState.Accepted or RequestState.InExecution => stop == ClockStop.Answer,
        _ => false,
    };

    public static DeadlineDue Next(DeadlinePlan plan, bool running, bool acknowledged, bool reminded, bool escalated, DateTimeOffset now)
    {
        if (!running || escalated)
        {
            return DeadlineDue.Nothing;
        }

        if (plan.AcknowledgeBy is { } ackBy && !acknowledged && now >= ackBy)
        {
            return DeadlineDue.EscalateUnacknowledged;
        }

        if (now >= plan.AnswerBy)
        {
            return DeadlineDue.Escalate;
        }

        return now >= plan.RemindAt && !reminded ? DeadlineDue.Remind : DeadlineDue.Nothing;
    }

    public static DeadlineStatus Status(DeadlinePlan plan, bool running, DateTimeOffset now) =>
        !running ? DeadlineStatus.Stopped
        : now >= plan.AnswerBy ? DeadlineStatus.Overdue
        : now >= plan.RemindAt ? DeadlineStatus.DueSoon
        : DeadlineStatus.OnTime;
}

namespace Senningen.Core.Statistics;

/// <summary>Art. 18(2)(a): requests this node's desk sent, by requested country.</summary>
public sealed record SentRow(string Country, int Urgent, int Other)
{
    public int Total => Urgent + Other;
}

/// <summary>Art. 18(2)(b): requests received and answered, urgent and other, by requesting country.</summary>
public sealed record ReceivedRow(string Country, int ReceivedUrgent, int ReceivedOther, int AnsweredUrgent, int AnsweredOther);

/// <summary>Art. 18(2)(c): refusals by requesting country and ground (<see cref="RefusalGrounds"/> names).</summary>
public sealed record RefusalRow(string Country, string Ground, int Count);

/// <summary>
/// Deadlines of art. 5(1) that passed in the year without an answer or refusal, by requesting country; those the desk put
/// down to a judicial authorisation (art. 9(3), counted by art. 18(2)(d)) with the delay it declared, in whole hours.
/// </summary>
public sealed record DeadlineRow(string Country, int Missed, int MissedForJudicialAuthorisation, long JudicialDelayHours);

/// <summary>The figures of one calendar year, counted in <see cref="TimeZone"/>, as of <see cref="AsOf"/>.</summary>
public sealed record DirectiveFigures(int Year, string TimeZone, DateTimeOffset From, DateTimeOffset Until, DateTimeOffset AsOf,
    IReadOnlyList<SentRow> Sent, IReadOnlyList<ReceivedRow> Received, IReadOnlyList<RefusalRow> Refusals, IReadOnlyList<DeadlineRow> Deadlines);

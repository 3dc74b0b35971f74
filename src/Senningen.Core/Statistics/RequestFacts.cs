using Senningen.Core.Countries;
using Senningen.Core.Requests;

namespace Senningen.Core.Statistics;

/// <summary>
/// What the statistics of Directive (EU) 2023/977, art. 18, need of one request as this node holds it: no names, no
/// content, only sides, countries, urgency and the instants of its steps.
/// </summary>
/// <remarks>SubmittedAt: when the requesting side sent it (the requesting node's own count of "sent").</remarks>
/// <remarks>ReceivedAt, AnsweredAt, RefusedAt, WithdrawnAt: the requested side's steps; null when not (yet) taken.</remarks>
/// <remarks>JudicialAuthorisation: the desk declared that the answer waits for a judicial authorisation (art. 9(3)).</remarks>
/// <remarks>JudicialDelay: the delay the desk declared it causes (its new date minus the deadline).</remarks>
public sealed record RequestFacts(RequestSide Side, CountryCode RequestingCountry, CountryCode RequestedCountry, Urgency Urgency,
    DateTimeOffset? SubmittedAt, DateTimeOffset? ReceivedAt, DateTimeOffset? AnsweredAt, DateTimeOffset? RefusedAt, RefusalGround Ground,
    DateTimeOffset? WithdrawnAt, DateTimeOffset? AnswerBy, bool JudicialAuthorisation, TimeSpan? JudicialDelay)
{
    /// <summary>Urgent in the Directive's sense (art. 5(1)(a) and (b)); a crisis request is urgent too.</summary>
    public bool IsUrgent => Urgency != Urgency.Normal;

    /// <summary>When the requested side's clock stopped for good: the answer, the refusal or the withdrawal, whichever came first.</summary>
    public DateTimeOffset? StoppedAt => Earliest(Earliest(AnsweredAt, RefusedAt), WithdrawnAt);

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}

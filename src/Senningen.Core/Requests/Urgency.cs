namespace Senningen.Core.Requests;

/// <summary>
/// How fast the requested side must answer. The three non-crisis levels are those of Directive (EU) 2023/977,
/// art. 5: urgent on directly accessible information, other urgent, and the rest.
/// </summary>
public enum Urgency
{
    /// <summary>7 calendar days.</summary>
    Normal,

    /// <summary>Urgent, information not directly accessible: 3 calendar days.</summary>
    Urgent,

    /// <summary>Urgent, information directly accessible to the requested authority: 8 hours.</summary>
    UrgentDirect,

    /// <summary>Special units in a crisis: acknowledged within minutes, decided within the hour.</summary>
    Crisis,
}

namespace Senningen.Core.Consultation;

/// <summary>The situation a search is made in, which decides what the answering country discloses (issue 6).</summary>
public enum ConsultationContext
{
    /// <summary>Any authorised officer: whether there is a hit, nothing more.</summary>
    HitNoHit,

    /// <summary>An officer working in a joint police post (Belgium–Netherlands).</summary>
    JointPost,

    /// <summary>An officer on a mixed patrol (Belgium–Netherlands).</summary>
    MixedPatrol,

    /// <summary>An officer at a joint control; the treaty treats it as a mixed patrol.</summary>
    JointControl,

    /// <summary>The search backs a formal information request; the data come with the request's answer.</summary>
    FormalRequest,
}

/// <summary>Names on the wire and the catalogue mission each context is governed by.</summary>
public static class ConsultationContexts
{
    public static readonly IReadOnlyDictionary<string, ConsultationContext> Names = new Dictionary<string, ConsultationContext>(StringComparer.Ordinal)
    {
        ["hit-no-hit"] = ConsultationContext.HitNoHit,
        ["joint-post"] = ConsultationContext.JointPost,
        ["mixed-patrol"] = ConsultationContext.MixedPatrol,
        ["joint-control"] = ConsultationContext.JointControl,
        ["formal-request"] = ConsultationContext.FormalRequest,
    };

    /// <summary>The catalogue mission whose rules govern direct answers in a context; a formal request has none.</summary>
    public static string? MissionOf(ConsultationContext context) => context switch
    {
        ConsultationContext.HitNoHit => "hit-no-hit-consultation",
        ConsultationContext.JointPost => "joint-post-consultation",
        ConsultationContext.MixedPatrol or ConsultationContext.JointControl => "mixed-patrol-consultation",
        _ => null,
    };

    public static string NameOf(ConsultationContext context) => Names.First(p => p.Value == context).Key;
}

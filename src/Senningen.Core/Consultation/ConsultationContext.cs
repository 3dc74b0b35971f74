using Senningen.Core.Treaty;

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

    /// <summary>
    /// The automated vehicle registration search of the Prüm framework (Regulation (EU) 2024/982, as EUCARIS runs it):
    /// a plate or a VIN, answered by the registering country's node without a person in the loop, vehicles only.
    /// </summary>
    PrumVehicle,
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
        ["prum-vehicle"] = ConsultationContext.PrumVehicle,
    };

    /// <summary>The catalogue mission whose rules govern direct answers in a context; a formal request has none.</summary>
    public static string? MissionOf(ConsultationContext context) => context switch
    {
        ConsultationContext.HitNoHit => "hit-no-hit-consultation",
        ConsultationContext.JointPost => "joint-post-consultation",
        ConsultationContext.MixedPatrol or ConsultationContext.JointControl => "mixed-patrol-consultation",
        ConsultationContext.PrumVehicle => "prum-vehicle-query",
        _ => null,
    };

    /// <summary>The data sets a context may search at all; asking another is a bad request, not a refusal by the partner.</summary>
    public static bool Searches(ConsultationContext context, DataSet dataSet) =>
        context != ConsultationContext.PrumVehicle || dataSet == DataSet.Vehicles;

    public static string NameOf(ConsultationContext context) => Names.First(p => p.Value == context).Key;
}

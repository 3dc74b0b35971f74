using Senningen.Core.Countries;
using Senningen.Core.Treaty;

namespace Senningen.Core.Consultation;

/// <summary>
/// The answering node's decision for one data set of one search: the level it discloses, the catalogue rule that
/// grants it, and whether the search's own context was not enough so a fallback applied.
/// </summary>
/// <param name="Context">The context the search declared.</param>
/// <param name="Requesting">The asking officer's country.</param>
/// <param name="Answering">The country whose data are searched, which decides.</param>
/// <param name="DataSet">The data set decided on.</param>
/// <param name="Level">What is disclosed.</param>
/// <param name="Rule">The rule applied (the context's, or hit/no-hit's on fallback); null when no rule grants anything.</param>
/// <param name="FellBack">True when the context's own rule did not apply and the hit/no-hit rule (or nothing) did.</param>
/// <param name="Refusal">When the context itself is not allowed for the pair: the reason, as a rule name for problem+json.</param>
public sealed record ConsultationDecision(
    ConsultationContext Context,
    CountryCode Requesting,
    CountryCode Answering,
    DataSet DataSet,
    DisclosureLevel Level,
    TreatyRule? Rule,
    bool FellBack,
    string? Refusal);

/// <summary>
/// Decides from the treaty catalogue what the answering country discloses, per (context, requesting, answering, data
/// set) on a date. Pure: the answering node runs it on every search it receives, whatever the asking node decided.
/// A context whose rule is missing, not in force or not allowed for the pair (Luxembourg, for the joint post and the
/// mixed patrol) falls back to the hit/no-hit rule, and failing that to nothing: the data then come only through a
/// formal request. A formal request's search is answered at hit/no-hit level; its data come with the request.
/// </summary>
public static class ConsultationPolicy
{
    public const string HitNoHitMission = "hit-no-hit-consultation";

    public static ConsultationDecision Decide(TreatyCatalogue catalogue, ConsultationContext context, CountryCode requesting, CountryCode answering,
        DataSet dataSet, DateOnly date)
    {
        string? refusal = null;
        if (ConsultationContexts.MissionOf(context) is { } mission)
        {
            var decision = catalogue.Decide(mission, requesting, answering, date);
            if (decision.Outcome == TreatyOutcome.Allowed && decision.Rule?.Disclosure is { } levels)
            {
                return new ConsultationDecision(context, requesting, answering, dataSet, levels[dataSet], decision.Rule, false, null);
            }

            refusal = $"{mission}-{Kebab(decision.Outcome)}";
        }

        var fallback = catalogue.Decide(HitNoHitMission, requesting, answering, date);
        if (fallback.Outcome == TreatyOutcome.Allowed && fallback.Rule?.Disclosure is { } hitNoHit)
        {
            var level = (DisclosureLevel)Math.Min((int)hitNoHit[dataSet], (int)DisclosureLevel.HitNoHit);
            return new ConsultationDecision(context, requesting, answering, dataSet, level, fallback.Rule, context != ConsultationContext.HitNoHit, refusal);
        }

        return new ConsultationDecision(context, requesting, answering, dataSet, DisclosureLevel.Refused, null, true,
            refusal ?? $"{HitNoHitMission}-{Kebab(fallback.Outcome)}");
    }

    private static string Kebab(TreatyOutcome outcome) => outcome switch
    {
        TreatyOutcome.NotAllowed => "not-allowed",
        TreatyOutcome.NotYetInForce => "not-yet-in-force",
        TreatyOutcome.NoLongerInForce => "no-longer-in-force",
        TreatyOutcome.NotCovered => "not-covered",
        _ => "allowed",
    };
}

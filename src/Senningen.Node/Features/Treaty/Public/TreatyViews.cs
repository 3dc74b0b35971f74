using Senningen.Contracts.Treaty;
using Senningen.Core.Treaty;

namespace Senningen.Node.Features.Treaty.Public;

/// <summary>
/// Resolves catalogue records to one language for the wire and the console. Published: the officer's app bundles the
/// mission guide in these same views rather than reading the catalogue a second way.
/// </summary>
internal static class TreatyViews
{
    public static MissionTypeView ToView(this MissionType mission, string language) =>
        new(mission.Id, mission.Name.Get(language), mission.Summary.Get(language));

    public static TreatyRuleView ToView(this TreatyRule rule, string language) => new(
        rule.MissionId,
        rule.Acting.Value,
        rule.Host.Value,
        rule.Allowed,
        rule.EffectiveFrom,
        rule.EffectiveUntil,
        rule.LegalBasis.Get(language),
        [.. rule.Conditions.Select(c => c.Get(language))],
        rule.Instead?.Get(language),
        rule.Notification is { } n
            ? new NotificationView(n.Whom.Get(language), n.When.Get(language), DeadlineName(n.Deadline.Kind), n.Deadline.Hours)
            : null,
        rule.Powers is { } p
            ? new VisitingPowersView(p.Weapons.Get(language), p.Apprehension.Get(language), p.UseOfForce.Get(language), p.MayNot.Get(language))
            : null,
        rule.Reporting?.Get(language),
        rule.Verify,
        rule.OpenQuestion?.Get(language),
        language,
        rule.Disclosure?.ToDictionary(d => Disclosure.NameOf(d.Key), d => Disclosure.NameOf(d.Value)));

    public static TreatyDecisionView ToView(this TreatyDecision decision, string language) => new(
        decision.MissionId, decision.Acting.Value, decision.Host.Value, decision.Date, decision.Outcome.ToString(),
        decision.IsAllowed, decision.LegalBasis?.Get(language), decision.Rule?.ToView(language));

    public static TreatyCatalogueView ToView(this TreatyCatalogue catalogue, string language) => new(
        catalogue.Version, language,
        [.. catalogue.MissionTypes.Select(m => m.ToView(language))],
        [.. catalogue.Rules.Select(r => r.ToView(language))]);

    // Kebab-case names are the documented wire values (see NotificationView).
    private static string DeadlineName(DeadlineKind kind) => kind switch
    {
        DeadlineKind.None => "none",
        DeadlineKind.Immediately => "immediately",
        DeadlineKind.BeforeCrossing => "before-crossing",
        DeadlineKind.BeforeAction => "before-action",
        DeadlineKind.WithinHours => "within-hours",
        _ => kind.ToString(),
    };
}

namespace Senningen.Contracts.Treaty;

/// <summary>A mission type with its texts resolved to one language.</summary>
public sealed record MissionTypeView(string Id, string Name, string Summary);

/// <summary>
/// Whom to notify and when. <c>Deadline</c> is one of <c>none</c>, <c>immediately</c>,
/// <c>before-crossing</c>, <c>before-action</c>, <c>within-hours</c>; <c>DeadlineHours</c> is set only for the last.
/// </summary>
public sealed record NotificationView(string Whom, string When, string Deadline, int? DeadlineHours);

/// <summary>What visiting officers may and may not do on the host's territory.</summary>
public sealed record VisitingPowersView(string Weapons, string Apprehension, string UseOfForce, string MayNot);

/// <summary>
/// One catalogue rule (mission type, acting country, host country) in one language.
/// <c>Verify</c> true means the legal research could not confirm it; <c>OpenQuestion</c> says what to check.
/// <c>Disclosure</c>, for allowed consultation rules only: data set (persons, vehicles, documents, records) to level
/// (refused, hit-no-hit, summary, full) that the host country's node discloses.
/// </summary>
public sealed record TreatyRuleView(
    string MissionType,
    string Acting,
    string Host,
    bool Allowed,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveUntil,
    string LegalBasis,
    IReadOnlyList<string> Conditions,
    string? Instead,
    NotificationView? Notification,
    VisitingPowersView? Powers,
    string? Reporting,
    bool Verify,
    string? OpenQuestion,
    string Language,
    IReadOnlyDictionary<string, string>? Disclosure = null);

/// <summary>
/// The answer to "may an officer of Acting do MissionType in Host on Date?". <c>Outcome</c> is one of
/// <c>Allowed</c>, <c>NotAllowed</c>, <c>NotYetInForce</c>, <c>NoLongerInForce</c>, <c>NotCovered</c>;
/// <c>Rule</c> is null only for <c>NotCovered</c>.
/// </summary>
public sealed record TreatyDecisionView(
    string MissionType,
    string Acting,
    string Host,
    DateOnly Date,
    string Outcome,
    bool Allowed,
    string? LegalBasis,
    TreatyRuleView? Rule);

/// <summary>The whole catalogue in one language; <c>Version</c> lets clients cache it.</summary>
public sealed record TreatyCatalogueView(
    string Version,
    string Language,
    IReadOnlyList<MissionTypeView> MissionTypes,
    IReadOnlyList<TreatyRuleView> Rules);

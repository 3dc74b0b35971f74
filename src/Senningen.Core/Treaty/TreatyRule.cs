using Senningen.Core.Countries;

namespace Senningen.Core.Treaty;

/// <summary>
/// The catalogue's answer for one (mission type, acting country, host country): whether officers of
/// <see cref="Acting"/> may carry out the mission in (or, for data missions, on the data of) <see cref="Host"/>.
/// </summary>
/// <param name="MissionId">Id of the <see cref="MissionType"/> the rule belongs to.</param>
/// <param name="Acting">Country whose officers act.</param>
/// <param name="Host">Country on whose territory (or data) they act.</param>
/// <param name="Allowed">Whether the treaty, as implemented between these two parties, permits it.</param>
/// <param name="EffectiveFrom">First day the rule applies.</param>
/// <param name="EffectiveUntil">Last day the rule applies (inclusive); null while it still applies.</param>
/// <param name="LegalBasis">The article(s) that grant or withhold it, as a reviewer would cite them, in each language.</param>
/// <param name="Conditions">Conditions that must all hold; empty when none beyond the treaty's general ones.</param>
/// <param name="Instead">Why it is not allowed and what to use instead; set when <see cref="Allowed"/> is false.</param>
/// <param name="Notification">Whom to notify and when; null only for rules that are not allowed.</param>
/// <param name="Powers">Powers of the visiting officers; null only for rules that are not allowed.</param>
/// <param name="Reporting">Reporting duty afterwards; null only for rules that are not allowed.</param>
/// <param name="Verify">True where the legal research could not confirm the rule.</param>
/// <param name="OpenQuestion">What exactly a lawyer must check; set whenever <see cref="Verify"/> is true.</param>
public sealed record TreatyRule(
    string MissionId,
    CountryCode Acting,
    CountryCode Host,
    bool Allowed,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveUntil,
    LocalizedText LegalBasis,
    IReadOnlyList<LocalizedText> Conditions,
    LocalizedText? Instead,
    Notification? Notification,
    VisitingPowers? Powers,
    LocalizedText? Reporting,
    bool Verify,
    LocalizedText? OpenQuestion)
{
    /// <summary>For an allowed consultation rule, what the answering (host) node discloses per data set; else null.</summary>
    public IReadOnlyDictionary<DataSet, DisclosureLevel>? Disclosure { get; init; }

    /// <summary>True when <paramref name="date"/> lies in [<see cref="EffectiveFrom"/>, <see cref="EffectiveUntil"/>].</summary>
    public bool IsInForceOn(DateOnly date) =>
        date >= EffectiveFrom && (EffectiveUntil is null || date <= EffectiveUntil.Value);
}

using Senningen.Core.Countries;

namespace Senningen.Core.Treaty;

/// <summary>The answer to "may an officer of X do Y in Z on date D?".</summary>
public enum TreatyOutcome
{
    Allowed,
    NotAllowed,
    NotYetInForce,
    NoLongerInForce,

    /// <summary>Unknown mission type, a country that is not a party, or acting and host the same.</summary>
    NotCovered,
}

/// <summary>A decision with the rule it rests on (null when <see cref="TreatyOutcome.NotCovered"/>).</summary>
public sealed record TreatyDecision(
    string MissionId,
    CountryCode Acting,
    CountryCode Host,
    DateOnly Date,
    TreatyOutcome Outcome,
    TreatyRule? Rule)
{
    public bool IsAllowed => Outcome == TreatyOutcome.Allowed;

    public LocalizedText? LegalBasis => Rule?.LegalBasis;
}

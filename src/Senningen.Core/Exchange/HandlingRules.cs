namespace Senningen.Core.Exchange;

/// <summary>What a receiver's onward use of marked information comes to: allowed, or refused by the rule it names.</summary>
public readonly record struct OnwardDecision(bool IsAllowed, string? Rule);

/// <summary>
/// The handling table: for each code, what each onward use needs from the owner. Passing on outside law enforcement
/// needs at least the owner's standing consent whatever the code (H0 opens law enforcement only); H2 and H3 say "ask me
/// first", which a request naming the recipient does not answer: only the owner's consent to that very use does.
/// </summary>
public static class HandlingRules
{
    private const OnwardRule Open = OnwardRule.Open;
    private const OnwardRule Standing = OnwardRule.StandingConsent;
    private const OnwardRule Ask = OnwardRule.ExplicitConsent;

    // Columns in OnwardUse order: police use, within law enforcement, outside it, evidence in court, forward to partner, export.
    private static readonly Dictionary<HandlingCode, OnwardRule[]> Table = new()
    {
        [HandlingCode.H0] = [Open, Open, Standing, Open, Open, Open],
        [HandlingCode.H1] = [Open, Open, Standing, Ask, Open, Open],
        [HandlingCode.H2] = [Open, Ask, Ask, Open, Ask, Ask],
        [HandlingCode.H3] = [Open, Ask, Ask, Ask, Ask, Ask],
    };

    public static OnwardRule RuleFor(HandlingCode code, OnwardUse use) => Table[code][(int)use];

    /// <summary>Whether <paramref name="use"/> of information marked <paramref name="marking"/> may go ahead with the <paramref name="consent"/> shown.</summary>
    public static OnwardDecision Decide(HandlingMarking marking, OnwardUse use, OnwardConsent consent) =>
        RuleFor(marking.Code, use) switch
        {
            OnwardRule.Open => new OnwardDecision(true, null),
            OnwardRule.StandingConsent when consent != OnwardConsent.None => new OnwardDecision(true, null),
            OnwardRule.ExplicitConsent when consent == OnwardConsent.Explicit => new OnwardDecision(true, null),
            _ => new OnwardDecision(false, HandlingNames.RuleOf(marking.Code)),
        };
}

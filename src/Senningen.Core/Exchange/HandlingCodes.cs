namespace Senningen.Core.Exchange;

/// <summary>What the owner of information allows the receiver to do with it (Europol SIENA's H0–H3 as the model).</summary>
public enum HandlingCode
{
    /// <summary>May be used for police purposes and passed on within law enforcement.</summary>
    H0,

    /// <summary>Not to be used as evidence in court without the owner's permission.</summary>
    H1,

    /// <summary>Not to be passed on without the owner's permission.</summary>
    H2,

    /// <summary>Other restrictions, stated in text: any use beyond the receiver's own police work asks the owner.</summary>
    H3,
}

/// <summary>How reliable the source is (the 4x4 model): A reliable, B mostly reliable, C not reliable, X cannot be assessed.</summary>
public enum SourceReliability
{
    A,
    B,
    C,
    X,
}

/// <summary>How accurate the information is: 1 known true without reservation, 2 known to the source personally, 3 not known personally but corroborated, 4 cannot be judged.</summary>
public enum InformationAccuracy
{
    Known = 1,
    KnownToSource = 2,
    Corroborated = 3,
    Unknown = 4,
}

/// <summary>What a receiving node may do with information after it arrived.</summary>
public enum OnwardUse
{
    /// <summary>The receiving unit's own police work.</summary>
    PoliceUse,

    /// <summary>Passing it to another law-enforcement authority of the receiving country.</summary>
    PassOnWithinLawEnforcement,

    /// <summary>Passing it outside law enforcement, e.g. to a municipality for the administrative approach.</summary>
    PassOnOutsideLawEnforcement,

    /// <summary>Producing it as evidence in court.</summary>
    EvidenceInCourt,

    /// <summary>Sending it on to another partner country.</summary>
    ForwardToPartner,

    /// <summary>Taking it out of the system, e.g. as a file or a print.</summary>
    Export,
}

/// <summary>What an onward use needs from the owner.</summary>
public enum OnwardRule
{
    Open,

    /// <summary>The owner's standing consent suffices: it answered a request that named this recipient and purpose.</summary>
    StandingConsent,

    /// <summary>Only the owner's consent to this very use: the marking itself says to ask first.</summary>
    ExplicitConsent,
}

/// <summary>The consent a caller can show for an onward use.</summary>
public enum OnwardConsent
{
    None,
    Standing,
    Explicit,
}

/// <summary>The stable names of the codes and uses, as they travel, are stored and name rules.</summary>
public static class HandlingNames
{
    public static string Of(InformationAccuracy accuracy) => ((int)accuracy).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Of(OnwardUse use) => use switch
    {
        OnwardUse.PoliceUse => "police-use",
        OnwardUse.PassOnWithinLawEnforcement => "pass-on-law-enforcement",
        OnwardUse.PassOnOutsideLawEnforcement => "pass-on-outside-law-enforcement",
        OnwardUse.EvidenceInCourt => "evidence-in-court",
        OnwardUse.ForwardToPartner => "forward-to-partner",
        _ => "export",
    };

    /// <summary>The rule a refused onward use names, e.g. <c>handling-code-H2</c>.</summary>
    public static string RuleOf(HandlingCode code) => $"handling-code-{code}";
}

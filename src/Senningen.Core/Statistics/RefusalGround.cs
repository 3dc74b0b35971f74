namespace Senningen.Core.Statistics;

/// <summary>
/// The grounds on which a single point of contact may refuse a request for information, Directive (EU) 2023/977, art. 6(1);
/// art. 18(2)(c) counts refusals by ground. <see cref="Unspecified"/> is a refusal recorded without one (before grounds were
/// recorded, or by the node itself).
/// </summary>
public enum RefusalGround
{
    Unspecified,

    /// <summary>Art. 6(1)(a): the information is not available to the requested authorities.</summary>
    NotAvailable,

    /// <summary>Art. 6(1)(b): the request does not meet art. 4.</summary>
    IncompleteRequest,

    /// <summary>Art. 6(1)(c): the judicial authorisation the national law requires was refused.</summary>
    JudicialAuthorisationRefused,

    /// <summary>Art. 6(1)(d): personal data outside the categories of art. 10(b).</summary>
    PersonalDataCategory,

    /// <summary>Art. 6(1)(e): the information is inaccurate, incomplete or out of date.</summary>
    Inaccurate,

    /// <summary>Art. 6(1)(f): national security, an ongoing investigation, a person's safety or a legal person's protected interests.</summary>
    EssentialInterests,

    /// <summary>Art. 6(1)(g): an offence punishable by one year or less, or no criminal offence, under the requested country's law.</summary>
    MinorOffence,

    /// <summary>Art. 6(1)(h): the information came from another state that did not consent.</summary>
    NoConsentOfOrigin,
}

/// <summary>Stable kebab-case names of the grounds, as the API takes and shows them.</summary>
public static class RefusalGrounds
{
    private static readonly string[] Names =
    [
        "unspecified", "not-available", "incomplete-request", "judicial-authorisation-refused", "personal-data-category", "inaccurate",
        "essential-interests", "minor-offence", "no-consent-of-origin",
    ];

    /// <summary>The grounds a desk may give (all but <see cref="RefusalGround.Unspecified"/>).</summary>
    public static IReadOnlyList<string> Selectable { get; } = Names[1..];

    public static string Of(RefusalGround ground) => Names[(int)ground];

    public static bool TryParse(string? name, out RefusalGround ground)
    {
        var index = Array.IndexOf(Names, name);
        ground = index < 0 ? RefusalGround.Unspecified : (RefusalGround)index;
        return index >= 0;
    }
}

using Senningen.Core.Countries;

namespace Senningen.Core.Retention;

/// <summary>The moment a record's retention period starts to run.</summary>
public enum CountedFrom
{
    /// <summary>A camera saw the plate.</summary>
    Observation,

    /// <summary>The hit was made (the read it matched was observed).</summary>
    Hit,

    /// <summary>The record was written.</summary>
    Creation,

    /// <summary>The exchange message was handled (received) or receipted, refused or expired (sent).</summary>
    MessageCompletion,

    /// <summary>The position was taken.</summary>
    Fix,

    /// <summary>The operation ended.</summary>
    OperationEnd,

    /// <summary>The alert was closed.</summary>
    AlertClosing,

    /// <summary>The request reached a final state.</summary>
    RequestClosing,
}

/// <summary>What happens to a record whose period has run.</summary>
public enum RetentionAction
{
    Delete,

    /// <summary>The fields named by the rule are emptied; what statistics need stays.</summary>
    Anonymise,
}

/// <summary>
/// How long one country keeps one kind of record, counted from what, what happens at the end, and why.
/// </summary>
/// <param name="Country">The treaty party whose law the rule states.</param>
/// <param name="Kind">One of <see cref="RetentionKinds.All"/>.</param>
/// <param name="Period">How long a record is kept after <paramref name="CountedFrom"/>.</param>
/// <param name="CountedFrom">The moment the period starts.</param>
/// <param name="Action">What happens when the period has run.</param>
/// <param name="Fields">For <see cref="RetentionAction.Anonymise"/>, the fields emptied; empty for a deletion.</param>
/// <param name="LegalBasis">The provision, cited as a reviewer would cite it (names of laws are not translated).</param>
/// <param name="Verify">True where no law fixes the period: the figure is a proposal awaiting legal review.</param>
/// <param name="OpenQuestion">What the reviewer must settle; set whenever <see cref="Verify"/> is true.</param>
public sealed record RetentionRule(
    CountryCode Country,
    string Kind,
    TimeSpan Period,
    CountedFrom CountedFrom,
    RetentionAction Action,
    IReadOnlyList<string> Fields,
    string LegalBasis,
    bool Verify,
    string? OpenQuestion)
{
    /// <summary>Records counted from before this moment are due at <paramref name="now"/>.</summary>
    public DateTimeOffset CutoffAt(DateTimeOffset now) => now - Period;

    /// <summary>Whether a record whose period started at <paramref name="start"/> is due at <paramref name="now"/>.</summary>
    public bool IsDue(DateTimeOffset start, DateTimeOffset now) => start < CutoffAt(now);
}

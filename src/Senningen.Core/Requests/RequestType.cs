using Senningen.Core.Countries;
using Senningen.Core.Treaty;

namespace Senningen.Core.Requests;

/// <summary>The kinds of value a request field holds; each has its own format check.</summary>
public enum FieldKind
{
    Text,
    LongText,
    Number,
    Date,
    DateTime,
    Boolean,
    Choice,
    Choices,
}

/// <summary>One value a closed-list field may take, with its label.</summary>
public sealed record FieldChoice(string Value, LocalizedText Label);

/// <summary>One field of a request type's form.</summary>
/// <remarks>NotBefore: Another date field this one may not precede (e.g. a loan's end and its start).</remarks>
/// <remarks>MustBeTrue: A yes/no field that must be yes for the request to be valid (e.g. the witness's consent).</remarks>
public sealed record RequestField(string Name, FieldKind Kind, bool Mandatory, LocalizedText Label, int MaxLength, decimal? Min, decimal? Max,
    IReadOnlyList<FieldChoice> Choices, string? NotBefore, bool MustBeTrue);

/// <summary>Whose officers act in the treaty's sense: the requested country's (assistance) or the requesting country's (an escort, a hearing).</summary>
public enum MissionActor
{
    Requested,
    Requesting,
}

/// <summary>For information that may only be passed on for the purpose it was asked for: which fields state that purpose and to whom.</summary>
public sealed record OnwardSharing(string PurposeField, string RecipientsField);

/// <summary>A kind of cooperation request: its form, its legal basis and how it travels.</summary>
/// <remarks>Mission: The treaty catalogue's mission that gives the legal basis, or null when <paramref name="LegalBasis"/> says it.</remarks>
/// <remarks>CopySpoc: Directive (EU) 2023/977, art. 4: a copy goes to the requested country's single point of contact.</remarks>
/// <remarks>JointUse: The request goes to a liaison officer of another Benelux country, at that officer's node.</remarks>
public sealed record RequestType(string Id, LocalizedText Name, string? Mission, MissionActor Acting, LocalizedText? LegalBasis, bool CopySpoc,
    IReadOnlyList<Urgency> Urgencies, ClockStop ClockStop, bool JointUse, OnwardSharing? Onward, IReadOnlyList<RequestField> Fields)
{
    public bool IsCrisis => Urgencies is [Urgency.Crisis];

    public RequestField? Field(string name) => Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));

    /// <summary>The (acting, host) pair the treaty catalogue is asked about for a request from one country to another.</summary>
    public (CountryCode Acting, CountryCode Host) TreatyPair(CountryCode requesting, CountryCode requested) =>
        Acting == MissionActor.Requesting ? (requesting, requested) : (requested, requesting);
}

/// <summary>An authority that receives requests: a national desk, a unit, the single point of contact.</summary>
/// <remarks>Placeholder: True until the country confirms the designation: shown as such on every form.</remarks>
public sealed record Authority(string Id, CountryCode Country, LocalizedText Name, bool Placeholder, IReadOnlyList<string> Types,
    IReadOnlyList<Urgency> Urgencies, IReadOnlyList<string> Regions);

/// <summary>A Benelux liaison officer posted abroad (the shipped directory is synthetic).</summary>
public sealed record LiaisonOfficer(string Id, string Name, CountryCode PostingCountry, string HostCountry, IReadOnlyList<string> Regions,
    IReadOnlyList<string> Languages, LiaisonAvailability Availability);

public enum LiaisonAvailability
{
    Available,
    Limited,
    Absent,
}

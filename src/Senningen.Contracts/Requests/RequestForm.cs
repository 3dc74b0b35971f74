namespace Senningen.Contracts.Requests;

/// <summary>
/// <c>GET /api/v1/requests/{id}/form?lang=fr</c>: everything the printable form shows, in one language: headings,
/// parties, fields, legal basis, deadline, timeline and the signatures block. Placeholders are flagged, not hidden.
/// </summary>
public sealed record RequestFormView(
    string Language,
    Guid Id,
    string Reference,
    string Title,
    string TypeName,
    string UrgencyName,
    string StateName,
    string? CaseReference,
    FormPartyView Requesting,
    FormPartyView Requested,
    FormAuthorityView? SpocCopy,
    string? LiaisonOfficer,
    IReadOnlyList<FieldValueView> Fields,
    FormLegalBasisView LegalBasis,
    FormDeadlineView Deadline,
    IReadOnlyList<RequestEventView> Timeline,
    IReadOnlyList<FormSignatureView> Signatures,
    IReadOnlyDictionary<string, string> Labels);

public sealed record FormPartyView(string Country, string CountryName, FormAuthorityView? Authority, string? Officer);

public sealed record FormAuthorityView(string Id, string Name, bool Placeholder);

/// <summary>The treaty mission (if any), the rule's legal basis text and its conditions, in the form's language.</summary>
public sealed record FormLegalBasisView(string? Mission, string? MissionName, string Text, IReadOnlyList<string> Conditions);

public sealed record FormDeadlineView(DateTimeOffset? SubmittedAt, DateTimeOffset? AnswerBy, DateTimeOffset? AcknowledgeBy, string Status, string StatusName,
    string? DelayReason);

/// <summary>A line of the signatures block: who signs in which role, and the name and time when already signed (the timeline's step).</summary>
public sealed record FormSignatureView(string Role, string RoleName, string? Name, string? Country, DateTimeOffset? At);

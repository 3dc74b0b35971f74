namespace Senningen.Contracts.Requests;

/// <summary>One line of an inbox or outbox. <c>Side</c>: requesting (outbox) or requested (inbox). <c>DeadlineStatus</c>: stopped, on-time, due-soon, overdue.</summary>
public sealed record RequestSummary(
    Guid Id,
    string Reference,
    string Type,
    string TypeName,
    string Side,
    string RequestingCountry,
    string RequestedCountry,
    string State,
    string StateName,
    string Urgency,
    string UrgencyName,
    bool Crisis,
    string? CaseReference,
    string Recipient,
    string? SpocCopy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? AnswerBy,
    DateTimeOffset? AcknowledgeBy,
    DateTimeOffset? AcknowledgedAt,
    string DeadlineStatus,
    bool Escalated,
    string CreatedBy);

/// <summary>A request in full: its fields in the reader's language, route, legal basis, timeline, attachments and what the reader may do next.</summary>
public sealed record RequestView(
    RequestSummary Summary,
    IReadOnlyList<FieldValueView> Fields,
    string LegalBasis,
    string? LiaisonOfficer,
    string? DelayReason,
    DateTimeOffset? ExpectedBy,
    IReadOnlyList<RequestEventView> Timeline,
    IReadOnlyList<AttachmentView> Attachments,
    IReadOnlyList<string> Actions,
    Exchange.HandlingView? Handling = null);

/// <summary>One field as filled in: its stable name, label, the value as stored and as a person reads it (choice labels, yes/no).</summary>
public sealed record FieldValueView(string Name, string Label, string? Value, string? Display);

/// <summary>One step of the timeline, the same on both nodes. <c>Action</c> is the stable name, <c>ActionName</c> its label.</summary>
public sealed record RequestEventView(
    Guid Id,
    DateTimeOffset At,
    string Action,
    string ActionName,
    string? FromState,
    string ToState,
    string Actor,
    string Country,
    string? Reason);

public sealed record AttachmentView(Guid Id, string FileName, string ContentType, long Size);

/// <summary>A request type's form, for the new-request wizard (<c>GET /api/v1/requests/types</c>).</summary>
public sealed record RequestTypeView(
    string Id,
    string Name,
    string? Mission,
    string LegalBasis,
    IReadOnlyList<string> Urgencies,
    bool Crisis,
    bool CopySpoc,
    bool JointUse,
    bool PurposeLimited,
    IReadOnlyList<FieldDefinitionView> Fields);

/// <summary><c>Kind</c>: text, long-text, number, date, date-time, boolean, choice, choices.</summary>
public sealed record FieldDefinitionView(
    string Name,
    string Kind,
    bool Mandatory,
    string Label,
    int MaxLength,
    decimal? Min,
    decimal? Max,
    IReadOnlyList<ChoiceView> Choices,
    string? NotBefore,
    bool MustBeTrue);

public sealed record ChoiceView(string Value, string Label);

/// <summary>A liaison officer proposed for joint use. <c>Availability</c>: available or limited.</summary>
public sealed record LiaisonOfficerView(
    string Id,
    string Name,
    string PostingCountry,
    string HostCountry,
    IReadOnlyList<string> Regions,
    IReadOnlyList<string> Languages,
    string Availability);

/// <summary>What was passed on from a purpose-limited answer, and to whom.</summary>
public sealed record DisclosureView(Guid EventId, string Recipient, string RecipientName, string Purpose, DateTimeOffset At);

/// <summary>
/// <c>GET /api/v1/liaison/proposals?host=CO&amp;language=es</c>: who of the other Benelux countries can help the caller's
/// country in <c>Host</c>. <c>OwnOfficer</c>: the caller's country has an officer there of its own (joint use is then refused).
/// </summary>
public sealed record LiaisonProposalView(string Host, bool OwnOfficer, IReadOnlyList<LiaisonOfficerView> Officers);

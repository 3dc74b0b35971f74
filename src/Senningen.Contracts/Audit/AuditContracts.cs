namespace Senningen.Contracts.Audit;

/// <summary>One entry of the hash-chained audit log (Law Enforcement Directive art. 25 fields).</summary>
public sealed record AuditEntryView(
    long Sequence,
    DateTimeOffset OccurredAt,
    string Actor,
    string ActorUnit,
    string ActorCountry,
    string Action,
    string Outcome,
    IReadOnlyList<string> Records,
    string? Purpose,
    string? CaseReference,
    string? Recipient,
    string? Detail,
    string Hash);

/// <summary>A page of audit entries, newest first.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntryView> Entries, int Page, int PageSize, long Total);

/// <summary>Result of walking the chain (<c>GET /api/v1/audit/verify</c>).</summary>
public sealed record AuditVerification(
    bool Intact,
    long EntriesChecked,
    long? FirstBrokenSequence,
    string? Problem,
    string? HeadHash);

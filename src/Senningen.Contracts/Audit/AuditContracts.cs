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

/// <summary>
/// A node's signed statement about its audit log (RFC 9162 signed tree head): the Merkle tree of its first
/// <paramref name="Size"/> entries has root <paramref name="RootHash"/> (lower-case hex SHA-256) as of
/// <paramref name="Timestamp"/>; <paramref name="Signature"/> is ES256 (base64url) by the key <paramref name="KeyId"/>.
/// </summary>
public sealed record SignedTreeHead(string Country, long Size, string RootHash, DateTimeOffset Timestamp, string KeyId, string Signature);

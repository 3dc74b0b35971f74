namespace Senningen.Contracts.Audit;

/// <summary>
/// One entry of the audit log (Law Enforcement Directive art. 25 fields). <paramref name="Sequence"/> is its id;
/// <paramref name="Hash"/> its link in the legacy hash chain (entries written before the Merkle tree, else null);
/// <paramref name="LeafIndex"/> and <paramref name="LeafHash"/> (hex) its leaf in the log's Merkle tree, null until integrated.
/// </summary>
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
    string? Hash,
    long? LeafIndex = null,
    string? LeafHash = null);

/// <summary>
/// A page of audit entries, newest first, and how many entries the search matches. On the API <paramref name="PageSize"/>
/// is the page's limit and <paramref name="Page"/> its number when reached by the deprecated <c>page</c> (or the first
/// page), 0 when reached by a cursor (a keyset page has no number; follow the next link).
/// </summary>
public sealed record AuditPage(IReadOnlyList<AuditEntryView> Entries, int Page, int PageSize, long Total);

/// <summary>
/// Result of checking the log (<c>GET /api/v1/audit/verify</c>): every integrated entry's content against its leaf, and
/// the Merkle root at the size of every trusted signed head against that head. <paramref name="HeadHash"/> is the root
/// hash of the <paramref name="TreeSize"/> leaves checked (kept for clients of the former chain check).
/// <paramref name="FirstBrokenSequence"/> names the altered entry when it can be named; otherwise the damage lies in the
/// leaves from <paramref name="SuspectFromLeaf"/> (the last matching head's size) up to <paramref name="FailedHeadSize"/>.
/// </summary>
public sealed record AuditVerification(
    bool Intact,
    long EntriesChecked,
    long? FirstBrokenSequence,
    string? Problem,
    string? HeadHash,
    long? TreeSize = null,
    string? RootHash = null,
    int HeadsChecked = 0,
    long? FailedHeadSize = null,
    string? FailedHeadKeyId = null,
    long? SuspectFromLeaf = null,
    long PendingEntries = 0);

/// <summary>
/// A node's signed statement about its audit log (RFC 9162 signed tree head): the Merkle tree of its first
/// <paramref name="Size"/> entries has root <paramref name="RootHash"/> (lower-case hex SHA-256) as of
/// <paramref name="Timestamp"/>; <paramref name="Signature"/> is ES256 (base64url) by the key <paramref name="KeyId"/>.
/// </summary>
public sealed record SignedTreeHead(string Country, long Size, string RootHash, DateTimeOffset Timestamp, string KeyId, string Signature);

/// <summary>
/// RFC 9162 inclusion proof (<c>GET /api/v1/audit/proofs/inclusion</c>): entry <paramref name="EntryId"/> is leaf
/// <paramref name="LeafIndex"/> with hash <paramref name="LeafHash"/> of the tree of <paramref name="TreeSize"/> leaves;
/// <paramref name="AuditPath"/> (hex, leaf side first) leads from it to that tree's root.
/// </summary>
public sealed record InclusionProof(long EntryId, long LeafIndex, long TreeSize, string LeafHash, IReadOnlyList<string> AuditPath);

/// <summary>RFC 9162 consistency proof (<c>GET /api/v1/audit/proofs/consistency</c>) that the tree of <paramref name="FromSize"/> leaves is a prefix of the one of <paramref name="ToSize"/>.</summary>
public sealed record ConsistencyProof(long FromSize, long ToSize, IReadOnlyList<string> Path);

namespace Senningen.Contracts.Audit;

/// <summary>
/// A partner's signed verdict on one of this node's tree heads: <paramref name="Verdict"/> is <c>consistent</c> or
/// <c>refused</c> (then <paramref name="Rule"/> names why); <paramref name="Signature"/> is the witness's ES256 over its
/// versioned statement; <paramref name="SignatureValid"/> is this node's check of it against the partner's trusted key.
/// </summary>
public sealed record TreeHeadConfirmation(
    string Witness,
    SignedTreeHead Head,
    string Verdict,
    string? Rule,
    DateTimeOffset StatedAt,
    string KeyId,
    string Signature,
    DateTimeOffset ReceivedAt,
    bool SignatureValid);

/// <summary>A partner's tree head this node holds as its witness.</summary>
public sealed record WitnessedHead(SignedTreeHead Head, DateTimeOffset ReceivedAt);

/// <summary>A refused head (a partner's, here; or this node's, at a partner) for the data-protection officer.</summary>
public sealed record WitnessAlarm(long Id, string Partner, string Rule, string Detail, DateTimeOffset RaisedAt,
    string? AcknowledgedBy, DateTimeOffset? AcknowledgedAt);

/// <summary>
/// What the DPO sees of the witnessing (<c>GET /api/v1/audit/tree-heads</c>): this node's latest head, each partner's
/// latest verdict on it, the latest head held for each partner, and the alarms not yet acknowledged.
/// </summary>
public sealed record WitnessOverview(
    SignedTreeHead? LatestHead,
    IReadOnlyList<TreeHeadConfirmation> Confirmations,
    IReadOnlyList<WitnessedHead> HeldHeads,
    IReadOnlyList<WitnessAlarm> Alarms);

/// <summary>Result of <c>POST /api/v1/audit/tree-heads/publish</c>: the head sent, to whom, and who still owes a verdict on the last one.</summary>
public sealed record TreeHeadsPublished(SignedTreeHead? Head, IReadOnlyList<string> SentTo, IReadOnlyList<string> Awaiting);

/// <summary>
/// The log checked against the heads partners confirmed (<c>GET /api/v1/audit/tree-heads/verify</c>): only confirmations
/// whose witness signature checks against the trusted key count; <paramref name="Discarded"/> counts the others.
/// </summary>
public sealed record WitnessedVerification(AuditVerification Log, IReadOnlyList<TreeHeadConfirmation> Heads, int Discarded);

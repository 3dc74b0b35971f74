using System.Security.Cryptography;

namespace Senningen.Core.Audit;

/// <summary>The facts of one audit entry that the chain protects, in the order they are hashed.</summary>
public readonly record struct AuditFacts(
    long Sequence,
    long OccurredAtUnixMs,
    string Actor,
    string ActorUnit,
    string ActorCountry,
    string Action,
    string Outcome,
    string Records,
    string? Purpose,
    string? CaseReference,
    string? Recipient,
    string? Detail);

/// <summary>
/// Hash chaining for the audit log: each entry's hash covers its own facts and the previous entry's hash,
/// so editing, inserting or deleting any entry changes every hash after it.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>SHA-256 (lower-case hex) of the previous hash and a length-prefixed encoding of the facts.</summary>
    public static string ComputeHash(string previousHash, in AuditFacts facts)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        var bytes = AuditEncoding.Encode(previousHash, facts);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}

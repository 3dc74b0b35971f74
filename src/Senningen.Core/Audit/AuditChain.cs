using System.Security.Cryptography;
using System.Text;

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
        var builder = new StringBuilder(256);
        // Length prefixes make the encoding unambiguous: no choice of field values can collide with another split.
        Append(builder, previousHash);
        Append(builder, facts.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Append(builder, facts.OccurredAtUnixMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Append(builder, facts.Actor);
        Append(builder, facts.ActorUnit);
        Append(builder, facts.ActorCountry);
        Append(builder, facts.Action);
        Append(builder, facts.Outcome);
        Append(builder, facts.Records);
        Append(builder, facts.Purpose);
        Append(builder, facts.CaseReference);
        Append(builder, facts.Recipient);
        Append(builder, facts.Detail);

        var bytes = Encoding.UTF8.GetBytes(builder.ToString());
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    private static void Append(StringBuilder builder, string? value)
    {
        if (value is null)
        {
            builder.Append("-1:");
            return;
        }

        builder.Append(value.Length).Append(':').Append(value).Append('|');
    }
}

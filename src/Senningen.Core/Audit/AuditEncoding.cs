using System.Globalization;
using System.Text;

namespace Senningen.Core.Audit;

/// <summary>
/// The one byte form of an entry's facts that both the legacy hash chain and the Merkle leaves hash. Length prefixes
/// make it unambiguous: no choice of field values can collide with another split of the same characters.
/// </summary>
public static class AuditEncoding
{
    /// <summary>UTF-8 of <paramref name="prefix"/> (the chain's previous hash, or the leaf's domain tag) and the facts.</summary>
    public static byte[] Encode(string prefix, in AuditFacts facts)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var builder = new StringBuilder(256);
        Append(builder, prefix);
        Append(builder, facts.Sequence.ToString(CultureInfo.InvariantCulture));
        Append(builder, facts.OccurredAtUnixMs.ToString(CultureInfo.InvariantCulture));
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
        return Encoding.UTF8.GetBytes(builder.ToString());
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

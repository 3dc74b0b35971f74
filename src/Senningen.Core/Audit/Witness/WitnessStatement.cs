using System.Globalization;
using System.Text;

namespace Senningen.Core.Audit.Witness;

/// <summary>
/// A witness's signed word about one tree head of another node: "I, <see cref="Witness"/>, hold <see cref="Node"/>'s head of
/// <see cref="Size"/> entries with root <see cref="RootHash"/> as of <see cref="HeadTimestampUnixMs"/>, and found it
/// consistent with what I held" (or refused it under <see cref="Rule"/>). Kept by the node it is about: whoever later
/// rewrites that node's database can delete the statement, but cannot make one.
/// </summary>
public sealed record WitnessStatement(string Witness, string Node, long Size, string RootHash, long HeadTimestampUnixMs,
    string Verdict, string? Rule, long StatedAtUnixMs)
{
    public const string Consistent = "consistent";
    public const string Refused = "refused";
    private const string Version = "senningen-tree-head-witness-v1";

    /// <summary>The bytes the witness signs: versioned, one field a line; a field that could hold a line break is refused.</summary>
    public byte[] SignedBytes()
    {
        string[] fields = [Witness, Node, RootHash, Verdict, Rule ?? ""];
        if (fields.Any(f => f is null || f.Contains('\n', StringComparison.Ordinal)))
        {
            throw new ArgumentException("A witness statement's fields are single lines.");
        }

        var text = string.Join('\n', Version, Witness, Node, Size.ToString(CultureInfo.InvariantCulture), RootHash,
            HeadTimestampUnixMs.ToString(CultureInfo.InvariantCulture), Verdict, Rule ?? "", StatedAtUnixMs.ToString(CultureInfo.InvariantCulture));
        return Encoding.UTF8.GetBytes(text);
    }
}

using System.Globalization;
using System.Text;

namespace Senningen.Core.Audit.Merkle;

/// <summary>
/// What a node signs about its audit log (RFC 9162's signed tree head): the tree of the first <see cref="Size"/>
/// entries has <see cref="RootHash"/>, as of <see cref="TimestampUnixMs"/>. Whoever holds a signed head can later demand
/// proof that the log still starts with exactly that tree.
/// </summary>
public sealed record TreeHead(string Country, long Size, byte[] RootHash, long TimestampUnixMs)
{
    private const string Version = "senningen-tree-head-v1";

    /// <summary>The bytes the node's key signs: versioned, one field a line, so no field can be read as another.</summary>
    public byte[] SignedBytes()
    {
        var text = string.Join('\n', Version, Country, Size.ToString(CultureInfo.InvariantCulture), Convert.ToHexStringLower(RootHash),
            TimestampUnixMs.ToString(CultureInfo.InvariantCulture));
        return Encoding.UTF8.GetBytes(text);
    }
}

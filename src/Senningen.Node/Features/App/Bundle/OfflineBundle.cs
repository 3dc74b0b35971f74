using System.IO.Compression;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.App.Bundle;

/// <summary>
/// Everything the officer's app needs with no signal, one document per language: the mission guide of this node's
/// officers (the catalogue's own views, not a second reading of it), control rooms and talk groups, emergency numbers,
/// phrases, the app's texts and the simplified outlines. One version for the four, from their content, so a change of
/// any data file or text gives the phones a new version; built once, kept plain, gzip and Brotli.
/// </summary>
internal sealed class OfflineBundle
{
    private readonly Dictionary<string, Encoded> _byLanguage;

    internal OfflineBundle(string version, DateTimeOffset publishedAt, Dictionary<string, Encoded> byLanguage) =>
        (Version, PublishedAt, _byLanguage) = (version, publishedAt, byLanguage);

    public string Version { get; }

    public DateTimeOffset PublishedAt { get; }

    public Encoded For(string language) => _byLanguage[Texts.Normalise(language)];

    /// <summary>The same document plain and compressed, with its length for the size check.</summary>
    public sealed record Encoded(byte[] Plain, byte[] Gzip, byte[] Brotli)
    {
        public static Encoded From(byte[] plain) => new(plain, Compress(plain, s => new GZipStream(s, CompressionLevel.Optimal)),
            Compress(plain, s => new BrotliStream(s, CompressionLevel.Optimal)));

        private static byte[] Compress(byte[] plain, Func<Stream, Stream> wrap)
        {
            using var buffer = new MemoryStream();
            using (var stream = wrap(buffer))
            {
                stream.Write(plain);
            }

            return buffer.ToArray();
        }
    }
}

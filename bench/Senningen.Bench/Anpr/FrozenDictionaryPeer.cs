using System.Collections.Frozen;
using Senningen.Core.Anpr;

namespace Senningen.Bench.Anpr;

/// <summary>
/// The plain way to match confusable plates: a <see cref="FrozenDictionary{TKey, TValue}"/> of the listed entries keyed
/// by their canonical string, and per read the same string built with string operations (upper-case, drop separators,
/// map each character through its class), then one lookup and the validity check.
/// </summary>
internal sealed class FrozenDictionaryPeer(IEnumerable<HotlistEntry> entries)
{
    private readonly FrozenDictionary<string, HotlistEntry[]> _byKey = entries
        .GroupBy(e => Canonical(e.Plate.Text), StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    /// <summary>The number of entries valid at <paramref name="at"/> whose canonical string is the read's.</summary>
    public int Match(string text, DateTimeOffset at)
    {
        if (!_byKey.TryGetValue(Canonical(text), out var listed))
        {
            return 0;
        }

        var hits = 0;
        foreach (var entry in listed)
        {
            hits += entry.IsValidAt(at) ? 1 : 0;
        }

        return hits;
    }

    private static string Canonical(string text)
    {
        var plain = text.ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
        return string.Create(plain.Length, plain, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = PlateKey.Fold(source[i]);
            }
        });
    }
}

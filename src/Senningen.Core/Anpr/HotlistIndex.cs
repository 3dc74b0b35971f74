using System.Runtime.CompilerServices;

namespace Senningen.Core.Anpr;

/// <summary>
/// An immutable snapshot of a hotlist, matched by canonical <see cref="PlateKey"/>: a read hits every entry whose plate
/// equals it or differs only within the OCR-confusable classes, and nothing else (no edit distance: against a large
/// list that makes random plates hit). Updates build a new snapshot (<see cref="With"/>); swap it in through
/// <see cref="Hotlist"/>. One instance serves every thread; a read that hits nothing allocates nothing.
/// </summary>
public sealed partial class HotlistIndex
{
    /// <summary>The listed entries, grouped by canonical key.</summary>
    public ReadOnlySpan<HotlistEntry> Entries => _entries;

    public int Count => _entries.Length;

    /// <summary>Hits of one plate text read at <paramref name="at"/> with the engine's <paramref name="confidence"/>, best first; empty (not allocated) for a miss or text that is no plate.</summary>
    public IReadOnlyList<HotlistHit> Match(ReadOnlySpan<char> text, DateTimeOffset at, double confidence = 1)
    {
        if (confidence is not (>= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "A confidence is in [0, 1].");
        }

        if (!PlateKey.TryCompute(text, out var key))
        {
            return [];
        }

        var slot = Find(key.Value);
        if (slot < 0)
        {
            return [];
        }

        var hits = new List<HotlistHit>();
        Collect(slot, Plate.Parse(text.ToString()), 0, confidence, at, hits);
        return Ranked(hits);
    }

    /// <summary>Hits of every candidate of a read, one per entry (the best-scoring candidate's), best first.</summary>
    public IReadOnlyList<HotlistHit> Match(PlateRead read)
    {
        ArgumentNullException.ThrowIfNull(read);
        List<HotlistHit>? hits = null;
        var candidates = read.Candidates;
        for (var c = 0; c < candidates.Length; c++)
        {
            var slot = Find(candidates[c].Plate.Key.Value);
            if (slot >= 0)
            {
                Collect(slot, candidates[c].Plate, c, candidates[c].Confidence, read.At, hits ??= []);
            }
        }

        return hits is null ? [] : Ranked(hits);
    }

    /// <summary>Whether any entry, valid or not, carries this canonical key: the probe alone, for callers that count.</summary>
    public bool Contains(PlateKey key) => key.IsValid && Find(key.Value) >= 0;

    /// <summary>Linear probing over 16-bit tags: a miss reads one or two cache lines of the small tag array and no key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Find(ulong key)
    {
        var hash = Mix(key);
        var tags = _tags;
        var tag = Tag(hash);
        var mask = tags.Length - 1;
        var i = unchecked((int)(hash >> _shift));
        while (true)
        {
            var t = tags[i];
            if (t == tag && _slots[i].Key == key)
            {
                return i;
            }

            if (t == 0)
            {
                return -1;
            }

            i = (i + 1) & mask;
        }
    }

    private void Collect(int slot, Plate read, int candidate, double confidence, DateTimeOffset at, List<HotlistHit> hits)
    {
        var (start, count) = (_slots[slot].Start, _slots[slot].Count);
        for (var e = start; e < start + count; e++)
        {
            var entry = _entries[e];
            if (!entry.IsValidAt(at))
            {
                continue;
            }

            var confusions = Confusions(read.Text, entry.Plate.Text);
            var score = confidence * Math.Pow(HotlistHit.ConfusionFactor, confusions.Length);
            var earlier = hits.FindIndex(h => ReferenceEquals(h.Entry, entry));
            if (earlier < 0)
            {
                hits.Add(new HotlistHit(entry, read, candidate, score, confusions));
            }
            else if (hits[earlier].Score < score)
            {
                hits[earlier] = new HotlistHit(entry, read, candidate, score, confusions);
            }
        }
    }

    /// <summary>Same key means same length, and each differing position is one confusion within a class.</summary>
    private static CharConfusion[] Confusions(string read, string listed)
    {
        List<CharConfusion>? confusions = null;
        for (var i = 0; i < read.Length; i++)
        {
            if (read[i] != listed[i])
            {
                (confusions ??= []).Add(new CharConfusion(i, read[i], listed[i]));
            }
        }

        return confusions is null ? [] : [.. confusions];
    }

    private static List<HotlistHit> Ranked(List<HotlistHit> hits)
    {
        hits.Sort((a, b) => b.Score.CompareTo(a.Score));
        return hits;
    }
}

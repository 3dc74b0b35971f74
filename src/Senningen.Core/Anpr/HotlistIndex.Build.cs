using System.Numerics;
using System.Runtime.CompilerServices;

namespace Senningen.Core.Anpr;

/// <summary>Building a snapshot: an open-addressing table of canonical keys (load at most 1/2) over entries grouped by key.</summary>
public sealed partial class HotlistIndex
{
    private const int MinCapacity = 16;

    // A slot's tag is 0 when empty, else 15 bits of the key's hash with the low bit set. Tags are kept apart from
    // the slots so a probe touches 2 bytes per slot (4 MB at 1 M entries) instead of 16.
    private readonly ushort[] _tags;
    private readonly Slot[] _slots;
    private readonly HotlistEntry[] _entries;
    private readonly int _shift;

    private HotlistIndex(HotlistEntry[] unique)
    {
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(MinCapacity, unique.Length * 2));
        _shift = 64 - BitOperations.Log2((uint)capacity);
        _tags = new ushort[capacity];
        _slots = new Slot[capacity];
        var slotOf = new int[unique.Length];
        for (var e = 0; e < unique.Length; e++)
        {
            slotOf[e] = Insert(unique[e].Plate.Key.Value);
            _slots[slotOf[e]].Count++;
        }

        // Each key's entries sit together: counts become start offsets in slot order, then entries are placed.
        var next = 0;
        for (var s = 0; s < capacity; s++)
        {
            if (_tags[s] != 0)
            {
                (_slots[s].Start, next, _slots[s].Count) = (next, next + _slots[s].Count, 0);
            }
        }

        _entries = new HotlistEntry[unique.Length];
        for (var e = 0; e < unique.Length; e++)
        {
            ref var slot = ref _slots[slotOf[e]];
            _entries[slot.Start + slot.Count++] = unique[e];
        }
    }

    public static HotlistIndex Empty { get; } = new([]);

    /// <summary>An index of the entries; where ids repeat, the last entry wins.</summary>
    public static HotlistIndex Build(IEnumerable<HotlistEntry> entries) => Empty.With(entries, []);

    /// <summary>
    /// A new snapshot with <paramref name="upserts"/> added or replacing the entries of the same id, then
    /// <paramref name="removals"/> (ids) taken out; this one is unchanged. Cost: a rebuild, linear in the list's size.
    /// </summary>
    public HotlistIndex With(IEnumerable<HotlistEntry> upserts, IEnumerable<string> removals)
    {
        ArgumentNullException.ThrowIfNull(upserts);
        ArgumentNullException.ThrowIfNull(removals);
        var added = new Dictionary<string, HotlistEntry>(StringComparer.Ordinal);
        foreach (var entry in upserts)
        {
            added[entry.Id] = entry;
        }

        var removed = new HashSet<string>(removals, StringComparer.Ordinal);
        var kept = new List<HotlistEntry>(_entries.Length + added.Count);
        foreach (var entry in _entries)
        {
            if (!added.ContainsKey(entry.Id) && !removed.Contains(entry.Id))
            {
                kept.Add(entry);
            }
        }

        foreach (var entry in added.Values)
        {
            if (!removed.Contains(entry.Id))
            {
                kept.Add(entry);
            }
        }

        return new HotlistIndex([.. kept]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong key)
    {
        // MurmurHash3's finaliser: every key bit reaches the top bits (the slot) and the low bits (the tag).
        unchecked
        {
            key ^= key >> 33;
            key *= 0xFF51AFD7ED558CCDUL;
            key ^= key >> 33;
            key *= 0xC4CEB9FE1A85EC53UL;
            return key ^ (key >> 33);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ushort Tag(ulong hash) => unchecked((ushort)(hash | 1));

    private int Insert(ulong key)
    {
        var hash = Mix(key);
        var tag = Tag(hash);
        var mask = _tags.Length - 1;
        var i = unchecked((int)(hash >> _shift));
        while (_tags[i] != 0 && !(_tags[i] == tag && _slots[i].Key == key))
        {
            i = (i + 1) & mask;
        }

        if (_tags[i] == 0)
        {
            (_tags[i], _slots[i].Key) = (tag, key);
        }

        return i;
    }

    private struct Slot
    {
        public ulong Key;
        public int Start;
        public int Count;
    }
}

namespace Senningen.Core.Consultation.Names;

/// <summary>Building the index: every record prepared once, its blocking keys sorted into postings (key → record numbers).</summary>
public sealed partial class PersonIndex
{
    private readonly PersonRecord[] _records;
    private readonly PreparedPerson[] _prepared;

    // Postings as sorted parallel arrays: _keys[k] owns _members[_starts[k] .. _starts[k + 1]).
    private readonly ulong[] _keys;
    private readonly int[] _starts;
    private readonly int[] _members;

    private PersonIndex(PersonRecord[] records, MatchWeights weights, int maxCandidates)
    {
        _records = records;
        _prepared = new PreparedPerson[records.Length];
        _scorer = new PersonScorer(weights);
        MaxCandidates = maxCandidates;

        var pairKeys = new List<ulong>(records.Length * 8);
        var pairMembers = new List<int>(records.Length * 8);
        var keys = new List<ulong>(16);
        for (var r = 0; r < records.Length; r++)
        {
            _prepared[r] = PreparedPerson.From(records[r].Person);
            keys.Clear();
            BlockingKeys.Of(_prepared[r], withSurnameAlone: true, keys);
            keys.Sort();
            for (var k = 0; k < keys.Count; k++)
            {
                if (k == 0 || keys[k] != keys[k - 1])
                {
                    pairKeys.Add(keys[k]);
                    pairMembers.Add(r);
                }
            }
        }

        var sortedKeys = pairKeys.ToArray();
        _members = [.. pairMembers];
        // Stable within a key would need more work; members are re-sorted per query anyway.
        Array.Sort(sortedKeys, _members);
        var distinct = 0;
        for (var i = 0; i < sortedKeys.Length; i++)
        {
            distinct += i == 0 || sortedKeys[i] != sortedKeys[i - 1] ? 1 : 0;
        }

        (_keys, _starts) = (new ulong[distinct], new int[distinct + 1]);
        for (int i = 0, k = -1; i < sortedKeys.Length; i++)
        {
            if (i == 0 || sortedKeys[i] != sortedKeys[i - 1])
            {
                _keys[++k] = sortedKeys[i];
                _starts[k] = i;
            }
        }

        _starts[distinct] = sortedKeys.Length;
    }

    /// <summary>The default ceiling on candidates per query: a few milliseconds of scoring on one core.</summary>
    public const int DefaultMaxCandidates = 2_000;

    /// <summary>An index of <paramref name="records"/>; ids must be unique.</summary>
    public static PersonIndex Build(IEnumerable<PersonRecord> records, MatchWeights? weights = null, int maxCandidates = DefaultMaxCandidates)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCandidates, 1);
        var all = records.ToArray();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in all)
        {
            if (!ids.Add(record.Id))
            {
                throw new ArgumentException($"Person id {record.Id} appears twice.", nameof(records));
            }
        }

        return new PersonIndex(all, weights ?? MatchWeights.Default, maxCandidates);
    }

    public int Count => _records.Length;

    /// <summary>How many blocking keys the index holds (distinct), and how many record-key pairs.</summary>
    public (int Keys, int Postings) Size => (_keys.Length, _members.Length);

    /// <summary>The candidates one key's block holds: a binary search over the sorted keys.</summary>
    private ReadOnlySpan<int> Block(ulong key)
    {
        var at = Array.BinarySearch(_keys, key);
        return at < 0 ? [] : _members.AsSpan(_starts[at], _starts[at + 1] - _starts[at]);
    }
}

using System.Buffers;

namespace Senningen.Core.Consultation.Names;

/// <summary>
/// An immutable in-memory index of person records for fuzzy search: a query's blocking keys
/// (<see cref="BlockingKeys"/>) bring candidates, the Fellegi–Sunter scorer ranks them and explains each field.
/// A query is refused, as a value, when it has nothing selective or when its blocks hold more than
/// <see cref="MaxCandidates"/> people (a common surname alone). One instance serves every thread.
/// </summary>
public sealed partial class PersonIndex
{
    private static readonly PersonField[] Narrowing = [PersonField.GivenNames, PersonField.BirthDate, PersonField.Postcode, PersonField.OtherId];

    private readonly PersonScorer _scorer;

    /// <summary>Above this many distinct candidates (the union of the query's blocks) a query is refused as too broad.</summary>
    public int MaxCandidates { get; }

    /// <summary>Blocks whose sizes add up to more than this many times <see cref="MaxCandidates"/> are refused unread.</summary>
    public const int ReadCeilingFactor = 8;

    /// <summary>A block holding more than <see cref="MaxCandidates"/> ÷ this is broad: read only when the query has no narrower one.</summary>
    public const int BroadBlockDivisor = 4;

    public MatchWeights Weights => _scorer.Weights;

    /// <summary>The <paramref name="limit"/> best candidates for <paramref name="query"/>, best first, each with its explanation.</summary>
    public PersonSearchResult Search(PersonParticulars query, int limit = 10)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var q = PreparedPerson.From(query);
        var fullDate = q.BirthDate.IsKnown && !q.BirthDate.IsYearOnly;
        if (q.Surname.IsEmpty && q.OtherId.Length == 0 && !(fullDate && (!q.Given.IsEmpty || q.Postcode.Length > 0)))
        {
            return PersonSearchResult.Refused(new QueryRefusal(RefusalReason.NothingSelective, 0, [PersonField.Surname, PersonField.OtherId]));
        }

        // A surname is searched on its own only when nothing else could narrow it; then its block size decides.
        var alone = q.Given.IsEmpty && !q.BirthDate.IsKnown && q.Postcode.Length == 0 && q.OtherId.Length == 0;
        var keys = new List<ulong>(16);
        BlockingKeys.Of(q, alone, keys);
        if (!q.Given.IsEmpty && !q.Surname.IsEmpty)
        {
            // Given name and surname may have been written into each other's fields, on either side.
            BlockingKeys.Of(PreparedPerson.From(query with { GivenNames = query.Surname, Surname = query.GivenNames }), withSurnameAlone: false, keys);
        }

        keys.Sort();
        var (used, estimate) = Usable(keys);

        // Blocks overlap (a surname's whole and stem sounds hold the same people), so the sum overstates the
        // candidates: the union decides, and the sum only bounds the work spent finding that out.
        if (estimate > (long)MaxCandidates * ReadCeilingFactor)
        {
            return TooBroad(q, estimate);
        }

        var buffer = ArrayPool<int>.Shared.Rent(Math.Max(estimate, 1));
        try
        {
            var candidates = Candidates(used, buffer);
            return candidates.Length > MaxCandidates ? TooBroad(q, candidates.Length) : PersonSearchResult.Found(Ranked(q, candidates, limit), candidates.Length);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The distinct keys worth reading and the candidates they bring (the sum of their blocks, an upper bound on the
    /// union). A typo-tolerant key whose block is larger than <see cref="BlockingKeys.FallbackBlockLimit"/> is
    /// skipped: it was made to catch rare names, and a common name is caught by its sound keys already. A block
    /// larger than a quarter of <see cref="MaxCandidates"/> (a common surname with an initial) is skipped when the
    /// query has narrower ones: "Jan de Jong" with a date of birth is answered from the blocks that use the date,
    /// and only a query made of broad blocks alone is judged, and refused, on them.
    /// </summary>
    private (List<ulong> Used, int Estimate) Usable(List<ulong> sortedKeys)
    {
        var (used, sizes) = (new List<ulong>(sortedKeys.Count), new List<int>(sortedKeys.Count));
        var broad = Math.Max(1, MaxCandidates / BroadBlockDivisor);
        var anyNarrow = false;
        for (var k = 0; k < sortedKeys.Count; k++)
        {
            var size = k > 0 && sortedKeys[k] == sortedKeys[k - 1] ? 0 : Block(sortedKeys[k]).Length;
            if (size > 0 && !(BlockingKeys.IsFallback(sortedKeys[k]) && size > BlockingKeys.FallbackBlockLimit))
            {
                used.Add(sortedKeys[k]);
                sizes.Add(size);
                anyNarrow |= size <= broad;
            }
        }

        var estimate = 0;
        for (var k = used.Count - 1; k >= 0; k--)
        {
            if (anyNarrow && sizes[k] > broad)
            {
                used.RemoveAt(k);
                continue;
            }

            estimate += sizes[k];
        }

        return (used, estimate);
    }

    /// <summary>The members of every block, each record once, in index order.</summary>
    private ReadOnlySpan<int> Candidates(List<ulong> keys, int[] buffer)
    {
        var n = 0;
        foreach (var key in keys)
        {
            var block = Block(key);
            block.CopyTo(buffer.AsSpan(n));
            n += block.Length;
        }

        var all = buffer.AsSpan(0, n);
        all.Sort();
        var distinct = 0;
        for (var i = 0; i < all.Length; i++)
        {
            if (i == 0 || all[i] != all[i - 1])
            {
                all[distinct++] = all[i];
            }
        }

        return all[..distinct];
    }

    /// <summary>Keeps the best <paramref name="limit"/> by insertion (limits are small); an equal score keeps the earlier record.</summary>
    private List<PersonMatch> Ranked(PreparedPerson q, ReadOnlySpan<int> candidates, int limit)
    {
        var top = Math.Min(limit, candidates.Length);
        Span<double> scores = top <= 64 ? stackalloc double[top] : new double[top];
        Span<int> members = top <= 64 ? stackalloc int[top] : new int[top];
        var count = 0;
        foreach (var c in candidates)
        {
            var score = _scorer.Score(q, _prepared[c]);
            if (count == top && score <= scores[count - 1])
            {
                continue;
            }

            var at = count < top ? count++ : count - 1;
            while (at > 0 && scores[at - 1] < score)
            {
                (scores[at], members[at]) = (scores[at - 1], members[at - 1]);
                at--;
            }

            (scores[at], members[at]) = (score, c);
        }

        var matches = new List<PersonMatch>(count);
        for (var i = 0; i < count; i++)
        {
            matches.Add(new PersonMatch(_records[members[i]], scores[i], _scorer.Explain(q, _prepared[members[i]])));
        }

        return matches;
    }

    private static PersonSearchResult TooBroad(PreparedPerson q, int candidates) =>
        PersonSearchResult.Refused(new QueryRefusal(RefusalReason.TooBroad, candidates, [.. Narrowing.Where(f => IsMissing(q, f))]));

    private static bool IsMissing(PreparedPerson q, PersonField field) => field switch
    {
        PersonField.GivenNames => q.Given.IsEmpty,
        PersonField.BirthDate => !q.BirthDate.IsKnown || q.BirthDate.IsYearOnly,
        PersonField.Postcode => q.Postcode.Length == 0,
        _ => q.OtherId.Length == 0,
    };
}

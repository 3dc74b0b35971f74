namespace Senningen.Core.Consultation.Names;

/// <summary>
/// Two measures of how close two spellings are, on spans and without allocating for names up to 64 characters:
/// Jaro–Winkler (a similarity in [0, 1] that forgives transpositions and rewards a shared start, the way names are
/// mistyped) and the optimal-string-alignment distance (Levenshtein plus swaps of adjacent characters, each an edit).
/// </summary>
internal static class StringSimilarity
{
    private const int StackLimit = 64;
    private const double PrefixScale = 0.1;
    private const int MaxPrefix = 4;

    /// <summary>Jaro–Winkler similarity: 1 for equal strings (two empty ones included), 0 when nothing matches.</summary>
    public static double JaroWinkler(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.SequenceEqual(b))
        {
            return 1;
        }

        var jaro = Jaro(a, b);
        var prefix = 0;
        while (prefix < MaxPrefix && prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * PrefixScale * (1 - jaro));
    }

    /// <summary>Jaro similarity, symmetric in its arguments.</summary>
    public static double Jaro(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.IsEmpty || b.IsEmpty)
        {
            return a.IsEmpty && b.IsEmpty ? 1 : 0;
        }

        // A fixed order (shorter first, then ordinal) makes the greedy matching, and so the result, symmetric.
        if (a.Length > b.Length || (a.Length == b.Length && a.SequenceCompareTo(b) > 0))
        {
            var shorter = b;
            b = a;
            a = shorter;
        }

        var window = Math.Max(0, (b.Length / 2) - 1);
        Span<bool> usedA = a.Length <= StackLimit ? stackalloc bool[a.Length] : new bool[a.Length];
        Span<bool> usedB = b.Length <= StackLimit ? stackalloc bool[b.Length] : new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var end = Math.Min(b.Length, i + window + 1);
            for (var j = Math.Max(0, i - window); j < end; j++)
            {
                if (!usedB[j] && a[i] == b[j])
                {
                    (usedA[i], usedB[j]) = (true, true);
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        var halfTranspositions = 0;
        for (int i = 0, j = 0; i < a.Length; i++)
        {
            if (!usedA[i])
            {
                continue;
            }

            while (!usedB[j])
            {
                j++;
            }

            if (a[i] != b[j])
            {
                halfTranspositions++;
            }

            j++;
        }

        double m = matches;
        return ((m / a.Length) + (m / b.Length) + ((m - (halfTranspositions / 2.0)) / m)) / 3;
    }

    /// <summary>
    /// Optimal-string-alignment distance (insert, delete, substitute, swap two adjacent characters), or
    /// <paramref name="limit"/> + 1 as soon as it is known to exceed <paramref name="limit"/>.
    /// </summary>
    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int limit = int.MaxValue - 1)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var width = b.Length + 1;
        Span<int> rows = 3 * width <= 3 * (StackLimit + 1) ? stackalloc int[3 * width] : new int[3 * width];

        // Three rows in turn (the one before the previous serves swaps), addressed by offset into one buffer.
        var (before, previous, current) = (0, width, 2 * width);
        for (var j = 0; j < width; j++)
        {
            rows[previous + j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            rows[current] = i;
            var rowMin = i;
            for (var j = 1; j < width; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(rows[previous + j] + 1, rows[current + j - 1] + 1), rows[previous + j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, rows[before + j - 2] + 1);
                }

                rows[current + j] = best;
                rowMin = Math.Min(rowMin, best);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (before, previous, current) = (previous, current, before);
        }

        return Math.Min(rows[previous + b.Length], limit + 1);
    }
}

namespace Senningen.Core.Geo;

/// <summary>
/// The shared borders as segments tagged with their country pair (e.g. <c>BE|NL</c>), with one R-tree per set of pairs
/// asked for (a country's own borders, or all of them), so the nearest border of a country is one tree search.
/// </summary>
internal sealed class BorderLines
{
    private readonly string[] _pairs;
    private readonly Dictionary<uint, SegmentTree> _trees;

    private BorderLines(string[] pairs, Dictionary<uint, SegmentTree> trees) => (_pairs, _trees) = (pairs, trees);

    public IReadOnlyList<string> Pairs => _pairs;

    /// <summary>Lines keyed by their pair; a tree is built for every mask in <paramref name="pairMasks"/> (bit i = pair i in ordinal order).</summary>
    public static BorderLines Build(IReadOnlyList<GeoLine> lines, Func<IReadOnlyList<string>, IEnumerable<uint>> pairMasks)
    {
        var pairs = lines.Select(l => l.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (pairs.Length > 32)
        {
            throw new FormatException("border lines: at most 32 country pairs are supported.");
        }

        var segments = new List<LayerSegment>();
        foreach (var line in lines)
        {
            var pair = Array.IndexOf(pairs, line.Key);
            for (var i = 0; i + 3 < line.Coordinates.Length; i += 2)
            {
                segments.Add(new LayerSegment(line.Coordinates[i], line.Coordinates[i + 1], line.Coordinates[i + 2], line.Coordinates[i + 3], pair));
            }
        }

        var trees = new Dictionary<uint, SegmentTree>();
        foreach (var mask in pairMasks(pairs).Distinct())
        {
            trees[mask] = new SegmentTree(segments.Where(s => (mask & (1u << s.Region)) != 0));
        }

        return new BorderLines(pairs, trees);
    }

    /// <summary>Bit i set for every pair that names <paramref name="country"/>.</summary>
    public static uint PairsOf(IReadOnlyList<string> pairs, string country)
    {
        uint mask = 0;
        for (var i = 0; i < pairs.Count; i++)
        {
            if (pairs[i].Split('|').Contains(country, StringComparer.Ordinal))
            {
                mask |= 1u << i;
            }
        }

        return mask;
    }

    public static uint AllOf(IReadOnlyList<string> pairs) => pairs.Count == 32 ? uint.MaxValue : (1u << pairs.Count) - 1;

    /// <summary>Metres to the nearest segment of the pairs in <paramref name="pairMask"/> (one given to <see cref="Build"/>), and its pair.</summary>
    public (double Metres, string? Pair) Nearest(double x, double y, uint pairMask)
    {
        var (squared, pair) = _trees[pairMask].Nearest(new LocalMetres(x, y));
        return pair < 0 ? (double.PositiveInfinity, null) : (Math.Sqrt(squared), _pairs[pair]);
    }
}

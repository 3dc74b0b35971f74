namespace Senningen.Core.Geo;

/// <summary>
/// A static R-tree of segments (sort-tile-recursive packing, eight entries a node) for the nearest-segment search:
/// depth first, nearest box first, pruning every box that cannot beat the best distance so far.
/// </summary>
internal sealed class SegmentTree
{
    private const int Fanout = 8;

    private readonly LayerSegment[] _segments;

    /// <summary>Per level, bottom up, four doubles a node (min x, min y, max x, max y); node i holds children 8i..8i+7.</summary>
    private readonly double[][] _levels;

    public SegmentTree(IEnumerable<LayerSegment> segments)
    {
        var items = segments.OrderBy(s => s.X1 + s.X2).ToList();
        var sliceSize = Fanout * Math.Max(1, (int)Math.Ceiling(Math.Sqrt(items.Count / (double)Fanout)));
        _segments = [.. items.Chunk(sliceSize).SelectMany(slice => slice.OrderBy(s => s.Y1 + s.Y2))];
        var boxes = _segments.Select(s => (Math.Min(s.X1, s.X2), Math.Min(s.Y1, s.Y2), Math.Max(s.X1, s.X2), Math.Max(s.Y1, s.Y2))).ToList();
        var levels = new List<double[]>();
        do
        {
            var parents = boxes.Chunk(Fanout).Select(c => (c.Min(b => b.Item1), c.Min(b => b.Item2), c.Max(b => b.Item3), c.Max(b => b.Item4))).ToList();
            levels.Add([.. parents.SelectMany(b => new[] { b.Item1, b.Item2, b.Item3, b.Item4 })]);
            boxes = parents;
        }
        while (boxes.Count > 1);

        _levels = [.. levels];
    }

    public bool IsEmpty => _segments.Length == 0;

    /// <summary>The squared local distance to the nearest segment and its <see cref="LayerSegment.Region"/>, or (∞, -1) when empty.</summary>
    public (double Squared, int Region) Nearest(LocalMetres local)
    {
        var best = (Squared: double.PositiveInfinity, Region: -1);
        if (!IsEmpty)
        {
            Search(_levels.Length - 1, 0, local, ref best);
        }

        return best;
    }

    private void Search(int level, int node, LocalMetres local, ref (double Squared, int Region) best)
    {
        if (level < 0)
        {
            for (var i = node * Fanout; i < Math.Min((node + 1) * Fanout, _segments.Length); i++)
            {
                ref readonly var s = ref _segments[i];
                var d = local.SquaredToSegment(s.X1, s.Y1, s.X2, s.Y2);
                if (d < best.Squared)
                {
                    best = (d, s.Region);
                }
            }

            return;
        }

        // The children of this node live one level down (level -1 meaning the segments themselves).
        var boxes = _levels[level];
        var first = node * Fanout;
        var count = Math.Min(Fanout, (boxes.Length / 4) - first);
        Span<double> distances = stackalloc double[Fanout];
        Span<int> order = stackalloc int[Fanout];
        for (var k = 0; k < count; k++)
        {
            var b = (first + k) * 4;
            distances[k] = local.SquaredToBox(boxes[b], boxes[b + 1], boxes[b + 2], boxes[b + 3]);
            order[k] = first + k;
        }

        distances[..count].Sort(order[..count]);
        for (var k = 0; k < count && distances[k] < best.Squared; k++)
        {
            Search(level - 1, order[k], local, ref best);
        }
    }
}

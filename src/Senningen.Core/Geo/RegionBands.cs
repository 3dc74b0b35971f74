using System.Runtime.CompilerServices;

namespace Senningen.Core.Geo;

/// <summary>
/// The slow exact path: horizontal bands over the whole extent of a layer, each listing every segment whose latitude
/// range meets it. A point's answer is the full-ray even-odd count over its band, as NetTopologySuite computes it.
/// </summary>
internal sealed class RegionBands
{
    private const double BandsPerDegree = 64;

    private readonly double _minY;
    private readonly int[] _start;
    private readonly LayerSegment[] _segments;

    private RegionBands(double minY, int[] start, LayerSegment[] segments) => (_minY, _start, _segments) = (minY, start, segments);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static RegionBands Build(IReadOnlyList<LayerSegment> segments, double margin)
    {
        var minY = double.MaxValue;
        var maxY = double.MinValue;
        foreach (var s in segments)
        {
            minY = Math.Min(minY, Math.Min(s.Y1, s.Y2));
            maxY = Math.Max(maxY, Math.Max(s.Y1, s.Y2));
        }

        minY -= 1.0 / BandsPerDegree;
        var count = (int)Math.Ceiling((maxY - minY) * BandsPerDegree) + 2;
        var lists = new List<LayerSegment>[count];
        foreach (var s in segments)
        {
            var first = Math.Max(0, (int)Math.Floor((Math.Min(s.Y1, s.Y2) - margin - minY) * BandsPerDegree));
            var last = Math.Min(count - 1, (int)Math.Floor((Math.Max(s.Y1, s.Y2) + margin - minY) * BandsPerDegree));
            for (var b = first; b <= last; b++)
            {
                (lists[b] ??= []).Add(s);
            }
        }

        var start = new int[count + 1];
        var flat = new List<LayerSegment>();
        for (var b = 0; b < count; b++)
        {
            start[b] = flat.Count;
            if (lists[b] is { } list)
            {
                flat.AddRange(list);
            }
        }

        start[count] = flat.Count;
        return new RegionBands(minY, start, [.. flat]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public uint MaskAt(double x, double y)
    {
        var f = (y - _minY) * BandsPerDegree;
        if (!(f >= 0 && f < _start.Length - 1) || !double.IsFinite(x))
        {
            return 0;
        }

        var band = (int)f;
        uint parity = 0, boundary = 0;
        for (var i = _start[band]; i < _start[band + 1]; i++)
        {
            ref readonly var s = ref _segments[i];
            var kind = RayCrossing.Classify(x, y, s.X1, s.Y1, s.X2, s.Y2);
            if (kind == RayCrossing.Crosses)
            {
                parity ^= 1u << s.Region;
            }
            else if (kind == RayCrossing.OnSegment)
            {
                boundary |= 1u << s.Region;
            }
        }

        return parity | boundary;
    }
}

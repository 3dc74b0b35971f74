using System.Runtime.CompilerServices;

namespace Senningen.Core.Geo;

/// <summary>
/// Which of up to 32 regions (countries, or control-room zones) cover a point, as a bit mask in region order.
/// A uniform grid over a box answers most points with one byte read: each cell is either covered by the same regions
/// throughout (no segment comes within <see cref="Margin"/> of it) or an edge cell holding the segments that cross it.
/// For an edge cell the ray of <see cref="RayCrossing"/> is followed to the right only as far as the first uniform cell,
/// whose known answer stands for the rest of the ray; so the answer is exactly the even-odd rule over all rings.
/// Points outside the grid, and rays that leave it, fall back to horizontal bands of segments over the full extent.
/// </summary>
internal sealed class RegionLayer
{
    /// <summary>Degrees every cell and band is widened by, far above the rounding of a cell lookup (~1e-14°).</summary>
    private const double Margin = 1e-9;

    private const byte Edge = byte.MaxValue;

    private readonly double _minX;
    private readonly double _minY;
    private readonly double _cellsPerDegree;
    private readonly int _columns;
    private readonly int _rows;
    private readonly byte[] _cells;
    private readonly uint[] _masks;
    private readonly int[] _edgeOfCell;
    private readonly int[] _edgeStart;
    private readonly int[] _edgeFirstEnd;
    private readonly LayerSegment[] _segments;
    private readonly RegionBands _bands;

    private RegionLayer(GridBox box, int cellsPerDegree, byte[] cells, uint[] masks, int[] edgeOfCell, int[] edgeStart, int[] edgeFirstEnd,
        LayerSegment[] segments, RegionBands bands)
    {
        (_minX, _minY, _cellsPerDegree) = (box.MinLongitude, box.MinLatitude, cellsPerDegree);
        (_columns, _rows) = (box.Columns(cellsPerDegree), box.Rows(cellsPerDegree));
        (_cells, _masks, _edgeOfCell, _edgeStart, _edgeFirstEnd, _segments, _bands) = (cells, masks, edgeOfCell, edgeStart, edgeFirstEnd, segments, bands);
    }

    /// <summary>Share of grid cells that need a segment test, for the benchmark report.</summary>
    public double EdgeCellShare => (_edgeStart.Length - 1) / (double)_cells.Length;

    public static RegionLayer Build(IReadOnlyList<GeoRegion> regions, GridBox box, int cellsPerDegree)
    {
        if (regions.Count is 0 or > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(regions), "A layer holds from 1 to 32 regions.");
        }

        var all = new List<LayerSegment>();
        for (var r = 0; r < regions.Count; r++)
        {
            foreach (var ring in regions[r].Rings)
            {
                for (var i = 0; i + 3 < ring.Length; i += 2)
                {
                    all.Add(new LayerSegment(ring[i], ring[i + 1], ring[i + 2], ring[i + 3], r));
                }
            }
        }

        var bands = RegionBands.Build(all, Margin);
        var grid = new LayerGridBuilder(box, cellsPerDegree, Margin);
        foreach (var segment in all)
        {
            grid.Add(segment);
        }

        var (cells, masks, edgeOfCell, edgeStart, edgeFirstEnd, segments) = grid.Finish(bands);
        return new RegionLayer(box, cellsPerDegree, cells, masks, edgeOfCell, edgeStart, edgeFirstEnd, segments, bands);
    }

    /// <summary>Bit i set: the point is in region i (inside or on its boundary). x is longitude, y latitude.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint MaskAt(double x, double y)
    {
        unchecked
        {
            var fx = (x - _minX) * _cellsPerDegree;
            var fy = (y - _minY) * _cellsPerDegree;
            if (fx >= 0 && fy >= 0 && fx < _columns && fy < _rows)
            {
                var cell = ((int)fy * _columns) + (int)fx;
                var value = _cells[cell];
                return value != Edge ? _masks[value] : EdgeMask(x, y, cell, cell - (int)fx + _columns);
            }

            return _bands.MaskAt(x, y);
        }
    }

    /// <summary>The exact answer by bands only, bypassing the grid: the reference the grid is checked against.</summary>
    public uint MaskByBands(double x, double y) => _bands.MaskAt(x, y);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private uint EdgeMask(double x, double y, int cell, int rowEnd)
    {
        uint parity = 0, boundary = 0;
        var edge = _edgeOfCell[cell];
        Scan(x, y, _edgeStart[edge], _edgeStart[edge + 1], ref parity, ref boundary);
        for (var next = cell + 1; next < rowEnd; next++)
        {
            var value = _cells[next];
            if (value != Edge)
            {
                return (_masks[value] ^ parity) | boundary;
            }

            // Further right only the segments that enter this row here: the others were counted in an earlier cell.
            edge = _edgeOfCell[next];
            Scan(x, y, _edgeStart[edge], _edgeFirstEnd[edge], ref parity, ref boundary);
        }

        return _bands.MaskAt(x, y);
    }

    private void Scan(double x, double y, int from, int to, ref uint parity, ref uint boundary)
    {
        var segments = _segments;
        for (var i = from; i < to; i++)
        {
            ref readonly var s = ref segments[i];
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
    }
}

/// <summary>One ring segment of a region.</summary>
internal readonly record struct LayerSegment(double X1, double Y1, double X2, double Y2, int Region);

/// <summary>The box a grid covers, in degrees.</summary>
public readonly record struct GridBox(double MinLongitude, double MinLatitude, double MaxLongitude, double MaxLatitude)
{
    /// <summary>BE, NL and LU with their territorial seas, and a margin.</summary>
    public static GridBox Benelux { get; } = new(2.25, 49.35, 7.5, 53.85);

    internal int Columns(int cellsPerDegree) => (int)Math.Ceiling((MaxLongitude - MinLongitude) * cellsPerDegree);

    internal int Rows(int cellsPerDegree) => (int)Math.Ceiling((MaxLatitude - MinLatitude) * cellsPerDegree);
}

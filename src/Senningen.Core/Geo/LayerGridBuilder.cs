using System.Runtime.CompilerServices;

namespace Senningen.Core.Geo;

/// <summary>
/// Builds the cells of a <see cref="RegionLayer"/>: which segments meet each cell (widened by a margin), which of them
/// enter a row in that cell, and the regions covering each cell no segment meets.
/// </summary>
internal sealed class LayerGridBuilder(GridBox box, int cellsPerDegree, double margin)
{
    private readonly int _columns = box.Columns(cellsPerDegree);
    private readonly int _rows = box.Rows(cellsPerDegree);
    private readonly List<(int Cell, bool First, LayerSegment Segment)> _entries = [];

    // Build loops run once per start: optimised at once rather than in tier-0 code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(LayerSegment s)
    {
        var firstRow = Math.Max(0, Floor(Math.Min(s.Y1, s.Y2) - margin - box.MinLatitude));
        var lastRow = Math.Min(_rows - 1, Floor(Math.Max(s.Y1, s.Y2) + margin - box.MinLatitude));
        for (var row = firstRow; row <= lastRow; row++)
        {
            var low = box.MinLatitude + ((double)row / cellsPerDegree) - margin;
            var high = box.MinLatitude + ((double)(row + 1) / cellsPerDegree) + margin;
            var (xa, xb) = ClipToBand(s, low, high);
            // Within one row the clipped piece spans its x-range continuously, so it meets every column in between.
            var first = Math.Max(0, Floor(Math.Min(xa, xb) - margin - box.MinLongitude));
            var last = Math.Min(_columns - 1, Floor(Math.Max(xa, xb) + margin - box.MinLongitude));
            for (var column = first; column <= last; column++)
            {
                _entries.Add(((row * _columns) + column, column == first, s));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (byte[] Cells, uint[] Masks, int[] EdgeOfCell, int[] EdgeStart, int[] EdgeFirstEnd, LayerSegment[] Segments) Finish(RegionBands bands)
    {
        const byte edge = byte.MaxValue;
        var cells = new byte[_columns * _rows];
        var edgeOfCell = new int[cells.Length];
        var masks = new List<uint>();
        var maskIds = new Dictionary<uint, byte>();
        var edgeStart = new List<int>();
        var edgeFirstEnd = new List<int>();
        var segments = new List<LayerSegment>();
        // By cell, and within a cell the segments entering the row there first.
        _entries.Sort((a, b) => a.Cell != b.Cell ? a.Cell.CompareTo(b.Cell) : b.First.CompareTo(a.First));
        var next = 0;
        for (var row = 0; row < _rows; row++)
        {
            byte? run = null;
            for (var column = 0; column < _columns; column++)
            {
                var cell = (row * _columns) + column;
                if (next < _entries.Count && _entries[next].Cell == cell)
                {
                    run = null;
                    cells[cell] = edge;
                    edgeOfCell[cell] = edgeStart.Count;
                    edgeStart.Add(segments.Count);
                    for (; next < _entries.Count && _entries[next].Cell == cell && _entries[next].First; next++)
                    {
                        segments.Add(_entries[next].Segment);
                    }

                    edgeFirstEnd.Add(segments.Count);
                    for (; next < _entries.Count && _entries[next].Cell == cell; next++)
                    {
                        segments.Add(_entries[next].Segment);
                    }

                    continue;
                }

                // A run of cells no segment meets is covered by the same regions throughout: test its first centre only.
                if (run is null)
                {
                    var mask = bands.MaskAt(box.MinLongitude + ((column + 0.5) / cellsPerDegree), box.MinLatitude + ((row + 0.5) / cellsPerDegree));
                    if (!maskIds.TryGetValue(mask, out var id))
                    {
                        id = checked((byte)masks.Count);
                        if (id == edge)
                        {
                            throw new InvalidOperationException("Too many distinct region combinations for one layer.");
                        }

                        maskIds[mask] = id;
                        masks.Add(mask);
                    }

                    run = id;
                }

                cells[cell] = run.Value;
            }
        }

        edgeStart.Add(segments.Count);
        return (cells, [.. masks], edgeOfCell, [.. edgeStart], [.. edgeFirstEnd], [.. segments]);
    }

    private int Floor(double degrees) => (int)Math.Clamp(Math.Floor(degrees * cellsPerDegree), -1, int.MaxValue / 2);

    private static (double Xa, double Xb) ClipToBand(LayerSegment s, double low, double high)
    {
        if (s.Y1 == s.Y2)
        {
            return (s.X1, s.X2);
        }

        var t1 = Math.Clamp((low - s.Y1) / (s.Y2 - s.Y1), 0, 1);
        var t2 = Math.Clamp((high - s.Y1) / (s.Y2 - s.Y1), 0, 1);
        return (At(s.X1, s.X2, Math.Min(t1, t2)), At(s.X1, s.X2, Math.Max(t1, t2)));
    }

    private static double At(double a, double b, double t) => t <= 0 ? a : t >= 1 ? b : a + (t * (b - a));
}

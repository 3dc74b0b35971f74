namespace Senningen.Core.Geo;

/// <summary>
/// Douglas–Peucker simplification of rings and lines given as interleaved longitude/latitude pairs, with the tolerance
/// in metres on a local projection. Every dropped vertex lies within the tolerance of the kept outline, so a point moves
/// from one side of a boundary to the other only if it is within the tolerance of it.
/// </summary>
public static class OutlineSimplifier
{
    /// <summary>
    /// Simplifies a closed ring. A ring never collapses: its first vertex, the one farthest from it and the farthest of
    /// each half from its chord are always kept, so even an enclave smaller than the tolerance keeps an area.
    /// </summary>
    public static double[] Ring(double[] ring, double toleranceMetres)
    {
        var count = ring.Length / 2;
        if (count <= 5)
        {
            return ring;
        }

        var scale = Scale(ring);
        var keep = new bool[count];
        var far = 1;
        var best = -1.0;
        for (var i = 1; i < count - 1; i++)
        {
            var d = SquaredMetres(ring, 0, i, scale);
            if (d > best)
            {
                (best, far) = (d, i);
            }
        }

        keep[0] = keep[far] = keep[count - 1] = true;
        KeepFarthest(ring, 0, far, scale, keep);
        KeepFarthest(ring, far, count - 1, scale, keep);
        Mark(ring, 0, far, toleranceMetres * toleranceMetres, scale, keep);
        Mark(ring, far, count - 1, toleranceMetres * toleranceMetres, scale, keep);
        return Collect(ring, keep);
    }

    /// <summary>Simplifies an open line; its two ends are kept.</summary>
    public static double[] Line(double[] line, double toleranceMetres)
    {
        var count = line.Length / 2;
        if (count <= 2)
        {
            return line;
        }

        var keep = new bool[count];
        keep[0] = keep[count - 1] = true;
        Mark(line, 0, count - 1, toleranceMetres * toleranceMetres, Scale(line), keep);
        return Collect(line, keep);
    }

    // Iterative, so a border of tens of thousands of vertices cannot overflow the stack.
    private static void Mark(double[] xy, int first, int last, double squaredTolerance, double kx, bool[] keep)
    {
        var stack = new Stack<(int First, int Last)>();
        stack.Push((first, last));
        while (stack.Count > 0)
        {
            var (a, b) = stack.Pop();
            var (index, distance) = Farthest(xy, a, b, kx);
            if (index > 0 && distance > squaredTolerance)
            {
                keep[index] = true;
                stack.Push((a, index));
                stack.Push((index, b));
            }
        }
    }

    private static void KeepFarthest(double[] xy, int a, int b, double kx, bool[] keep)
    {
        var (index, _) = Farthest(xy, a, b, kx);
        if (index > 0)
        {
            keep[index] = true;
        }
    }

    private static (int Index, double SquaredMetres) Farthest(double[] xy, int a, int b, double kx)
    {
        var index = -1;
        var best = -1.0;
        for (var i = a + 1; i < b; i++)
        {
            var d = SquaredToSegment(xy, i, a, b, kx);
            if (d > best)
            {
                (best, index) = (d, i);
            }
        }

        return (index, best);
    }

    // Metres per degree of longitude at the outline's mean latitude: the Benelux spans two degrees, well within the tolerance's precision.
    private static double Scale(double[] xy)
    {
        var sum = 0.0;
        for (var i = 1; i < xy.Length; i += 2)
        {
            sum += xy[i];
        }

        return Math.Cos(double.DegreesToRadians(sum / (xy.Length / 2)));
    }

    private static double SquaredMetres(double[] xy, int i, int j, double kx)
    {
        var dx = (xy[2 * j] - xy[2 * i]) * kx * LocalMetres.PerDegree;
        var dy = (xy[(2 * j) + 1] - xy[(2 * i) + 1]) * LocalMetres.PerDegree;
        return (dx * dx) + (dy * dy);
    }

    private static double SquaredToSegment(double[] xy, int p, int a, int b, double kx)
    {
        var m = LocalMetres.PerDegree;
        var ax = (xy[2 * a] - xy[2 * p]) * kx * m;
        var ay = (xy[(2 * a) + 1] - xy[(2 * p) + 1]) * m;
        var dx = ((xy[2 * b] - xy[2 * p]) * kx * m) - ax;
        var dy = ((xy[(2 * b) + 1] - xy[(2 * p) + 1]) * m) - ay;
        var length = (dx * dx) + (dy * dy);
        var t = length > 0 ? Math.Clamp(-((ax * dx) + (ay * dy)) / length, 0, 1) : 0;
        var cx = ax + (t * dx);
        var cy = ay + (t * dy);
        return (cx * cx) + (cy * cy);
    }

    private static double[] Collect(double[] xy, bool[] keep)
    {
        var kept = new List<double>();
        for (var i = 0; i < keep.Length; i++)
        {
            if (keep[i])
            {
                kept.Add(xy[2 * i]);
                kept.Add(xy[(2 * i) + 1]);
            }
        }

        return [.. kept];
    }
}

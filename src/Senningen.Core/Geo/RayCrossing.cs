using System.Numerics;
using System.Runtime.CompilerServices;

namespace Senningen.Core.Geo;

/// <summary>
/// What one ring segment says about a point for a ray cast towards +x: the same rules, case by case, as
/// NetTopologySuite's <c>RayCrossingCounter.CountSegment</c>, with an exact orientation test instead of its
/// double-double one. Summed over all segments of an area: on a segment means on the boundary; otherwise an odd
/// number of crossings means inside.
/// </summary>
internal static class RayCrossing
{
    public const int None = 0;
    public const int Crosses = 1;
    public const int OnSegment = 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Classify(double px, double py, double x1, double y1, double x2, double y2)
    {
        if (x1 < px && x2 < px)
        {
            return None;
        }

        if (px == x2 && py == y2)
        {
            return OnSegment;
        }

        if (y1 == py && y2 == py)
        {
            return px >= Math.Min(x1, x2) && px <= Math.Max(x1, x2) ? OnSegment : None;
        }

        // Upward edges include their start and exclude their end, downward ones the reverse: a vertex counts once.
        if ((y1 > py && y2 <= py) || (y2 > py && y1 <= py))
        {
            var orientation = Orientation(x1, y1, x2, y2, px, py);
            if (orientation == 0)
            {
                return OnSegment;
            }

            if (y2 < y1)
            {
                orientation = -orientation;
            }

            return orientation > 0 ? Crosses : None;
        }

        return None;
    }

    /// <summary>
    /// The exact sign of the turn a→b→c: +1 counter-clockwise (c left of a→b), -1 clockwise, 0 collinear.
    /// Shewchuk's error-bounded filter decides almost every case in doubles; the rest are computed exactly.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Orientation(double ax, double ay, double bx, double by, double cx, double cy)
    {
        var left = (ax - cx) * (by - cy);
        var right = (ay - cy) * (bx - cx);
        var det = left - right;
        double sum;
        if (left > 0)
        {
            if (right <= 0)
            {
                return Math.Sign(det);
            }

            sum = left + right;
        }
        else if (left < 0)
        {
            if (right >= 0)
            {
                return Math.Sign(det);
            }

            sum = -left - right;
        }
        else
        {
            return Math.Sign(det);
        }

        // (3 + 16ε)ε with ε = 2^-53: Shewchuk's ccwerrboundA.
        const double bound = 3.3306690738754716e-16;
        return det >= bound * sum || -det >= bound * sum ? Math.Sign(det) : ExactOrientation(ax, ay, bx, by, cx, cy);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ExactOrientation(double ax, double ay, double bx, double by, double cx, double cy)
    {
        // Every double is m·2^e; scaled to the smallest exponent the determinant is integer arithmetic.
        Span<long> mantissas = stackalloc long[6];
        Span<int> exponents = stackalloc int[6];
        ReadOnlySpan<double> values = [ax, ay, bx, by, cx, cy];
        var min = int.MaxValue;
        for (var i = 0; i < 6; i++)
        {
            (mantissas[i], exponents[i]) = Decompose(values[i]);
            min = Math.Min(min, exponents[i]);
        }

        var v = new BigInteger[6];
        for (var i = 0; i < 6; i++)
        {
            v[i] = new BigInteger(mantissas[i]) << (exponents[i] - min);
        }

        var det = ((v[0] - v[4]) * (v[3] - v[5])) - ((v[1] - v[5]) * (v[2] - v[4]));
        return det.Sign;
    }

    private static (long Mantissa, int Exponent) Decompose(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xF_FFFF_FFFF_FFFF;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        return (bits < 0 ? -mantissa : mantissa, exponent - 1075);
    }
}

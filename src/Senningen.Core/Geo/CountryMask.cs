using Senningen.Core.Countries;

namespace Senningen.Core.Geo;

/// <summary>The countries a point lies in, one bit per country in <see cref="CountryCode.All"/> order.</summary>
[Flags]
public enum CountryMask : byte
{
    None = 0,
    Belgium = 1,
    Netherlands = 2,
    Luxembourg = 4,
    France = 8,
    Germany = 16,
}

/// <summary>Conversions between <see cref="CountryMask"/> bits and <see cref="CountryCode"/>s.</summary>
public static class CountryMasks
{
    /// <summary>The country of bit <paramref name="bit"/> (0 = BE … 4 = DE).</summary>
    public static CountryCode At(int bit) => CountryCode.All[bit];

    public static int BitOf(CountryCode country)
    {
        for (var i = 0; i < CountryCode.All.Count; i++)
        {
            if (CountryCode.All[i] == country)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(country), "Not a country Senningen knows.");
    }

    /// <summary>
    /// Where borders overlap (LU–DE condominium, Ems-Dollard) the first country in <see cref="CountryCode.All"/> order,
    /// treaty parties first, is the country and the next one the <c>AlsoIn</c>: the same answer every time.
    /// </summary>
    public static (CountryCode? Country, CountryCode? AlsoIn) Split(CountryMask mask)
    {
        var bits = (uint)mask;
        if (bits == 0)
        {
            return (null, null);
        }

        var first = System.Numerics.BitOperations.TrailingZeroCount(bits);
        var rest = bits & (bits - 1);
        return (At(first), rest == 0 ? null : At(System.Numerics.BitOperations.TrailingZeroCount(rest)));
    }
}

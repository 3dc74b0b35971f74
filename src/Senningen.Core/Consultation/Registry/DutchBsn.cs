namespace Senningen.Core.Consultation.Registry;

/// <summary>
/// The Dutch citizen service number (burgerservicenummer): nine digits passing the "11-proof": 9·d1 + 8·d2 + … + 2·d8
/// − 1·d9 is a multiple of 11. Eight leading zeros are refused: no number is issued there.
/// </summary>
public static class DutchBsn
{
    public const int Length = 9;

    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        if (digits.Length != Length || !CheckDigits.AllDigits(digits))
        {
            return false;
        }

        var weighted = WeightedSum(digits[..8]);
        return weighted > 0 && (weighted - (digits[8] - '0')) % 11 == 0;
    }

    /// <summary>The ninth digit for eight leading digits, or -1 when none exists (the weighted sum leaves 10).</summary>
    public static int CheckDigit(ReadOnlySpan<char> eight)
    {
        var remainder = WeightedSum(eight) % 11;
        return remainder == 10 ? -1 : remainder;
    }

    private static int WeightedSum(ReadOnlySpan<char> eight)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (9 - i) * (eight[i] - '0');
        }

        return sum;
    }
}

namespace Senningen.Core.Consultation.Registry;

/// <summary>The check-digit schemes the national identifiers use, over ASCII digit spans.</summary>
public static class CheckDigits
{
    // Verhoeff's tables: multiplication in the dihedral group D5, the position permutation, and the inverse.
    private static readonly byte[,] Multiply =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 2, 3, 4, 0, 6, 7, 8, 9, 5 }, { 2, 3, 4, 0, 1, 7, 8, 9, 5, 6 },
        { 3, 4, 0, 1, 2, 8, 9, 5, 6, 7 }, { 4, 0, 1, 2, 3, 9, 5, 6, 7, 8 }, { 5, 9, 8, 7, 6, 0, 4, 3, 2, 1 },
        { 6, 5, 9, 8, 7, 1, 0, 4, 3, 2 }, { 7, 6, 5, 9, 8, 2, 1, 0, 4, 3 }, { 8, 7, 6, 5, 9, 3, 2, 1, 0, 4 },
        { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 },
    };

    private static readonly byte[,] Permute =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 5, 7, 6, 2, 8, 3, 0, 9, 4 }, { 5, 8, 0, 3, 7, 9, 6, 1, 4, 2 },
        { 8, 9, 1, 6, 0, 4, 3, 5, 2, 7 }, { 9, 4, 5, 3, 1, 2, 6, 8, 7, 0 }, { 4, 2, 8, 6, 5, 7, 3, 9, 0, 1 },
        { 2, 7, 9, 3, 8, 0, 6, 4, 1, 5 }, { 7, 0, 4, 6, 9, 1, 3, 2, 5, 8 },
    };

    private static readonly byte[] Inverse = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

    /// <summary>The Luhn digit to append to <paramref name="digits"/>.</summary>
    public static int Luhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        // Counting from the right of the payload, every first digit is doubled once the check digit is appended.
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                d = d > 9 ? d - 9 : d;
            }

            sum += d;
        }

        return (10 - (sum % 10)) % 10;
    }

    /// <summary>The Verhoeff digit to append to <paramref name="digits"/>.</summary>
    public static int Verhoeff(ReadOnlySpan<char> digits)
    {
        var c = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            c = Multiply[c, Permute[(i + 1) % 8, digits[digits.Length - 1 - i] - '0']];
        }

        return Inverse[c];
    }

    /// <summary>ICAO 9303 check digit of a machine-readable zone field (weights 7, 3, 1; letters A=10 … Z=35, '&lt;' = 0).</summary>
    public static int Icao(ReadOnlySpan<char> field)
    {
        ReadOnlySpan<int> weights = [7, 3, 1];
        var sum = 0;
        for (var i = 0; i < field.Length; i++)
        {
            var ch = field[i];
            var value = char.IsAsciiDigit(ch) ? ch - '0' : char.IsAsciiLetterUpper(ch) ? ch - 'A' + 10 : 0;
            sum += value * weights[i % 3];
        }

        return sum % 10;
    }

    public static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var ch in text)
        {
            if (!char.IsAsciiDigit(ch))
            {
                return false;
            }
        }

        return true;
    }

    public static long Number(ReadOnlySpan<char> digits)
    {
        long value = 0;
        foreach (var ch in digits)
        {
            value = (value * 10) + (ch - '0');
        }

        return value;
    }
}

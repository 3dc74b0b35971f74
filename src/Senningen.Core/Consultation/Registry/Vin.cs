namespace Senningen.Core.Consultation.Registry;

/// <summary>
/// A vehicle identification number (ISO 3779): 17 characters, digits and capital letters other than I, O and Q. The
/// check digit in position 9 is mandatory in North America only; European makers may put anything there, so a VIN is
/// valid without it and <see cref="HasCheckDigit"/> tells whether it carries a correct one.
/// </summary>
public static class Vin
{
    public const int Length = 17;

    private static readonly int[] Weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

    /// <summary>Upper-cases and drops blanks and dashes; null when what remains is not 17 VIN characters.</summary>
    public static string? Normalise(string? text)
    {
        if (text is null)
        {
            return null;
        }

        Span<char> buffer = stackalloc char[Length];
        var n = 0;
        foreach (var raw in text)
        {
            if (raw is ' ' or '-')
            {
                continue;
            }

            var ch = char.ToUpperInvariant(raw);
            if (n == Length || !IsVinCharacter(ch))
            {
                return null;
            }

            buffer[n++] = ch;
        }

        return n == Length ? new string(buffer) : null;
    }

    public static bool IsValid(ReadOnlySpan<char> vin)
    {
        if (vin.Length != Length)
        {
            return false;
        }

        foreach (var ch in vin)
        {
            if (!IsVinCharacter(ch))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when position 9 holds the North American check digit of the other sixteen characters.</summary>
    public static bool HasCheckDigit(ReadOnlySpan<char> vin) => IsValid(vin) && vin[8] == CheckDigit(vin);

    /// <summary>The check character (0-9 or X) for a 17-character VIN, whatever its position 9 holds now.</summary>
    public static char CheckDigit(ReadOnlySpan<char> vin)
    {
        var sum = 0;
        for (var i = 0; i < Length; i++)
        {
            sum += Transliterate(vin[i]) * Weights[i];
        }

        var remainder = sum % 11;
        return remainder == 10 ? 'X' : (char)('0' + remainder);
    }

    public static bool IsVinCharacter(char ch) => char.IsAsciiDigit(ch) || (char.IsAsciiLetterUpper(ch) && ch is not ('I' or 'O' or 'Q'));

    // ISO 3779's letter values: A-H 1-8, J-R 1-9 (no O, Q), S-Z 2-9.
    private static int Transliterate(char ch) => ch switch
    {
        >= '0' and <= '9' => ch - '0',
        >= 'A' and <= 'H' => ch - 'A' + 1,
        >= 'J' and <= 'R' => ch - 'J' + 1,
        >= 'S' and <= 'Z' => ch - 'S' + 2,
        _ => 0,
    };
}

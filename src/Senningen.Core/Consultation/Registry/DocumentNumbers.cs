using Senningen.Core.Countries;

namespace Senningen.Core.Consultation.Registry;

/// <summary>
/// Document numbers per issuing country, over upper-case characters without separators.
/// BE identity card: 12 digits, the last two being the first ten modulo 97 (97 for 0); BE passport: 2 letters, 6 digits.
/// NL passport and identity card (since 2014): 9 characters, two letters, six letters or digits, one digit; the letter
/// O is never used, so it cannot be mistaken for zero. LU identity card and passport: the shape this registry uses,
/// 8 characters, two letters then six digits (the issuer's own series rules are not modelled).
/// </summary>
public static class DocumentNumbers
{
    public static string Normalise(string text)
    {
        Span<char> buffer = stackalloc char[Math.Min(text.Length, 32)];
        var n = 0;
        foreach (var raw in text)
        {
            if (raw is ' ' or '-' or '.' or '/')
            {
                continue;
            }

            if (n == buffer.Length)
            {
                return text.ToUpperInvariant();
            }

            buffer[n++] = char.ToUpperInvariant(raw);
        }

        return new string(buffer[..n]);
    }

    public static bool IsValid(CountryCode issuer, DocumentType type, ReadOnlySpan<char> number) => issuer.Value switch
    {
        "BE" => type == DocumentType.IdentityCard ? IsBelgianCard(number) : Shape(number, "LL999999", AnyLetter),
        "NL" => IsDutch(number),
        "LU" => Shape(number, "LL999999", AnyLetter),
        _ => false,
    };

    public static bool IsBelgianCard(ReadOnlySpan<char> number) =>
        number.Length == 12 && CheckDigits.AllDigits(number) && CheckDigits.Number(number[10..]) == BelgianCardCheck(CheckDigits.Number(number[..10]));

    public static bool IsDutch(ReadOnlySpan<char> number)
    {
        if (number.Length != 9 || !char.IsAsciiDigit(number[8]))
        {
            return false;
        }

        for (var i = 0; i < 8; i++)
        {
            var ch = number[i];
            var ok = char.IsAsciiLetterUpper(ch) ? ch != 'O' : i >= 2 && char.IsAsciiDigit(ch);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The Belgian card number for a ten-digit serial.</summary>
    public static string BelgianCard(long serial)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, 9_999_999_999L);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{serial:D10}{BelgianCardCheck(serial):D2}");
    }

    private const string AnyLetter = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static long BelgianCardCheck(long serial) => serial % 97 == 0 ? 97 : serial % 97;

    private static bool Shape(ReadOnlySpan<char> text, string shape, string letters)
    {
        if (text.Length != shape.Length)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var ok = shape[i] == '9' ? char.IsAsciiDigit(text[i]) : letters.Contains(text[i], StringComparison.Ordinal);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}

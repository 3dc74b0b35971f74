namespace Senningen.Core.Consultation.Registry;

/// <summary>
/// The Luxembourg national identification number ("matricule"), 13 digits: YYYYMMDD, a 3-digit serial, then a Luhn
/// digit and a Verhoeff digit, both computed over the first eleven digits.
/// </summary>
public static class LuxembourgMatricule
{
    public const int Length = 13;

    public static bool IsValid(ReadOnlySpan<char> digits, out DateOnly? birthDate)
    {
        birthDate = null;
        if (digits.Length != Length || !CheckDigits.AllDigits(digits))
        {
            return false;
        }

        var (year, month, day) = ((int)CheckDigits.Number(digits[..4]), (int)CheckDigits.Number(digits[4..6]), (int)CheckDigits.Number(digits[6..8]));
        if (year < 1850 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        if (digits[11] - '0' != CheckDigits.Luhn(digits[..11]) || digits[12] - '0' != CheckDigits.Verhoeff(digits[..11]))
        {
            return false;
        }

        birthDate = new DateOnly(year, month, day);
        return true;
    }

    public static string Create(DateOnly birthDate, int serial)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, 999);
        Span<char> digits = stackalloc char[Length];
        birthDate.TryFormat(digits, out _, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        serial.TryFormat(digits[8..], out _, "D3", System.Globalization.CultureInfo.InvariantCulture);
        digits[11] = (char)('0' + CheckDigits.Luhn(digits[..11]));
        digits[12] = (char)('0' + CheckDigits.Verhoeff(digits[..11]));
        return new string(digits);
    }
}

namespace Senningen.Core.Consultation.Registry;

/// <summary>
/// The Belgian national register number, YYMMDD-SSS-CC: birth date, a serial (001-997, odd for men, even for women) and
/// 97 minus the first nine digits modulo 97. For people born from 2000 the check is computed over "2" and the nine
/// digits, which is how the century is told. Month 00 or day 00 stand for an unknown date; BIS numbers (for people not
/// in the population registers) add 20 or 40 to the month.
/// </summary>
public static class BelgianNationalNumber
{
    public const int Length = 11;

    /// <summary>Validates the 11 digits (separators already removed) and gives the birth date when it is known.</summary>
    public static bool IsValid(ReadOnlySpan<char> digits, out DateOnly? birthDate)
    {
        birthDate = null;
        if (digits.Length != Length || !CheckDigits.AllDigits(digits))
        {
            return false;
        }

        var body = CheckDigits.Number(digits[..9]);
        var check = (int)CheckDigits.Number(digits[9..]);
        var serial = (int)CheckDigits.Number(digits[6..9]);
        if (serial is < 1 or > 997)
        {
            return false;
        }

        int century;
        if (97 - (body % 97) == check)
        {
            century = 1900;
        }
        else if (97 - ((2_000_000_000L + body) % 97) == check)
        {
            century = 2000;
        }
        else
        {
            return false;
        }

        var (yy, mm, dd) = ((int)CheckDigits.Number(digits[..2]), (int)CheckDigits.Number(digits[2..4]), (int)CheckDigits.Number(digits[4..6]));
        mm = mm >= 40 ? mm - 40 : mm >= 20 ? mm - 20 : mm;
        if (mm > 12 || dd > 31)
        {
            return false;
        }

        if (mm == 0 || dd == 0)
        {
            return true;
        }

        if (dd > DateTime.DaysInMonth(century + yy, mm))
        {
            return false;
        }

        birthDate = new DateOnly(century + yy, mm, dd);
        return true;
    }

    /// <summary>The number for a birth date (1900-2099) and serial (1-997); odd serials are men's, even ones women's.</summary>
    public static string Create(DateOnly birthDate, int serial)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(serial, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, 997);
        ArgumentOutOfRangeException.ThrowIfLessThan(birthDate.Year, 1900);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(birthDate.Year, 2099);
        var body = ((long)(birthDate.Year % 100) * 10_000_000) + ((long)birthDate.Month * 100_000) + ((long)birthDate.Day * 1000) + serial;
        var check = 97 - ((birthDate.Year >= 2000 ? 2_000_000_000L + body : body) % 97);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{body:D9}{check:D2}");
    }

    /// <summary>YY.MM.DD-SSS.CC, as printed on the eID card.</summary>
    public static string Display(string digits) => $"{digits[..2]}.{digits[2..4]}.{digits[4..6]}-{digits[6..9]}.{digits[9..]}";
}

using System.Globalization;

namespace Senningen.Core.Consultation.Names;

/// <summary>
/// A date of birth as a register or a witness gives it: a full date, or a year alone (<see cref="Month"/> and
/// <see cref="Day"/> 0). Days are not checked against the calendar (some registers hold a 31 February where the day
/// was not known); a month is 1-12 and a day 1-31. <c>default</c> is no date.
/// </summary>
public readonly record struct BirthDate
{
    private BirthDate(int year, int month, int day) => (Year, Month, Day) = (year, month, day);

    public int Year { get; }

    public int Month { get; }

    public int Day { get; }

    public bool IsKnown => Year != 0;

    public bool IsYearOnly => Year != 0 && Month == 0;

    public static BirthDate From(int year, int month = 0, int day = 0) =>
        TryFrom(year, month, day, out var date) ? date : throw new ArgumentOutOfRangeException(nameof(year), $"{year}-{month}-{day} is no date of birth.");

    public static bool TryFrom(int year, int month, int day, out BirthDate date)
    {
        var valid = year is >= 1800 and <= 2200 && ((month == 0 && day == 0) || (month is >= 1 and <= 12 && day is >= 1 and <= 31));
        date = valid ? new BirthDate(year, month, day) : default;
        return valid;
    }

    /// <summary>Reads <c>yyyy-MM-dd</c>, <c>yyyyMMdd</c>, <c>dd-MM-yyyy</c>, <c>dd/MM/yyyy</c>, <c>dd.MM.yyyy</c> or <c>yyyy</c>.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out BirthDate date)
    {
        text = text.Trim();
        date = default;
        return text.Length switch
        {
            4 => Number(text, out var y) && TryFrom(y, 0, 0, out date),
            8 => Number(text[..4], out var y) && Number(text[4..6], out var m) && Number(text[6..], out var d) && TryFrom(y, m, d, out date),
            10 when text[4] is '-' && text[7] is '-' =>
                Number(text[..4], out var y) && Number(text[5..7], out var m) && Number(text[8..], out var d) && TryFrom(y, m, d, out date),
            10 when text[2] is '-' or '/' or '.' && text[5] == text[2] =>
                Number(text[6..], out var y) && Number(text[3..5], out var m) && Number(text[..2], out var d) && TryFrom(y, m, d, out date),
            _ => false,
        };
    }

    /// <summary>yyyyMMdd with zeros for the unknown parts: the digits a clerk could have mistyped.</summary>
    public int Packed => (Year * 10_000) + (Month * 100) + Day;

    public override string ToString() => !IsKnown ? "" : IsYearOnly
        ? Year.ToString("D4", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}");

    private static bool Number(ReadOnlySpan<char> digits, out int value) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}

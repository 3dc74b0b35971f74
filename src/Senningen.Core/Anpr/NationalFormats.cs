namespace Senningen.Core.Anpr;

/// <summary>
/// The national plate formats of BE, NL, LU, FR and DE over normalised characters: each returns the format's id or
/// null. Shapes use L for a letter of the given set and 9 for a digit. Separators are gone by now, so a format is
/// told by its sequence of letters and digits (the Dutch sidecodes are all distinct that way).
/// </summary>
internal static class NationalFormats
{
    private const string AnyLetter = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    // RDW: sidecodes 1-3 never used C, I, O, Q, W, Y; from sidecode 4 no vowels (nor Y) and still no C or Q.
    private const string OldDutchLetters = "ABDEFGHJKLMNPRSTUVXZ";
    private const string DutchLetters = "BDFGHJKLMNPRSTVWXZ";

    // SIV never uses I, O, U; the old FNI series left out I and O (read as 1 and 0).
    private const string SivLetters = "ABCDEFGHJKLMNPQRSTVWXYZ";
    private const string FniLetters = "ABCDEFGHJKLMNPQRSTUVWXYZ";

    // Sidecodes 1-14 as printed; the dashes only mark the letter groups the banned list applies to.
    private static readonly string[] DutchLayouts =
    [
        "LL-99-99", "99-99-LL", "99-LL-99", "LL-99-LL", "LL-LL-99", "99-LL-LL", "99-LLL-9",
        "9-LLL-99", "LL-999-L", "L-999-LL", "LLL-99-L", "L-99-LLL", "9-LL-999", "999-LL-9",
    ];

    private static readonly string[] DutchShapes = [.. DutchLayouts.Select(layout => layout.Replace("-", "", StringComparison.Ordinal))];

    private static readonly string[] DutchIds = [.. Enumerable.Range(1, DutchShapes.Length).Select(n => $"NL-sidecode-{n}")];

    // Letter groups the RDW does not issue (Second World War, offensive, political parties).
    private static readonly string[] DutchBanned = ["SS", "SD", "GVD", "KKK", "KVT", "LPF", "NSB", "PKK", "PSV", "TBS", "PVV", "SGP", "VVD"];

    public static string? Belgian(ReadOnlySpan<char> plate) =>
        Fits(plate, "9LLL999", AnyLetter) && plate[0] != '0' ? "BE-1-ABC-123"
        : Fits(plate, "LLL999", AnyLetter) ? "BE-ABC-123"
        : Fits(plate, "999LLL", AnyLetter) ? "BE-123-ABC"
        : null;

    public static string? Dutch(ReadOnlySpan<char> plate)
    {
        for (var i = 0; i < DutchShapes.Length; i++)
        {
            if (Fits(plate, DutchShapes[i], i < 3 ? OldDutchLetters : DutchLetters))
            {
                return HasBannedGroup(plate, DutchLayouts[i]) ? null : DutchIds[i];
            }
        }

        return null;
    }

    public static string? Luxembourgish(ReadOnlySpan<char> plate) =>
        Fits(plate, "LL9999", AnyLetter) ? "LU-AB-1234"
        : plate.Length is >= 1 and <= 5 && Digits(plate) == plate.Length && plate[0] != '0' ? "LU-numeric"
        : null;

    public static string? French(ReadOnlySpan<char> plate)
    {
        if (Fits(plate, "LL999LL", SivLetters))
        {
            // 000 is never issued, SS never in either pair (and WW at the front is a temporary garage series).
            var bad = plate.Slice(2, 3) is "000" || plate[..2] is "SS" or "WW" || plate[5..] is "SS";
            return bad ? null : "FR-SIV";
        }

        // FNI: 1-4 digits, 1-3 letters, the department (01-95, 2A/2B for Corsica, 971-976 overseas).
        var digits = Digits(plate);
        var letters = Letters(plate[digits..], FniLetters);
        if (digits is < 1 or > 4 || plate[0] == '0' || letters is < 1 or > 3)
        {
            return null;
        }

        var department = plate[(digits + letters)..];
        var known = department is "2A" or "2B"
            || (department.Length == 2 && Digits(department) == 2 && department is not "00" && department.CompareTo("95", StringComparison.Ordinal) <= 0)
            || (department.Length == 3 && department[..2] is "97" && department[2] is >= '1' and <= '6');
        return known ? "FR-FNI" : null;
    }

    /// <summary>District code (1-3 letters) and 1-2 letters run together here, then 1-4 digits without a leading 0, at most 8 in all; E (electric) or H (historic) may follow.</summary>
    public static string? German(ReadOnlySpan<char> plate)
    {
        var suffix = plate.Length > 1 && plate[^1] is 'E' or 'H' && Digits(plate[^2..^1]) == 1 ? plate[^1] : '\0';
        var body = suffix == '\0' ? plate : plate[..^1];
        var letters = Letters(body, AnyLetter);
        var digits = Digits(body[letters..]);
        if (letters is < 2 or > 5 || digits is < 1 or > 4 || letters + digits != body.Length || body.Length > 8 || body[letters] == '0')
        {
            return null;
        }

        return suffix switch { 'E' => "DE-electric", 'H' => "DE-historic", _ => "DE-standard" };
    }

    private static bool Fits(ReadOnlySpan<char> plate, string shape, string letters)
    {
        if (plate.Length != shape.Length)
        {
            return false;
        }

        for (var i = 0; i < plate.Length; i++)
        {
            var ok = shape[i] == '9' ? char.IsAsciiDigit(plate[i]) : letters.Contains(plate[i], StringComparison.Ordinal);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasBannedGroup(ReadOnlySpan<char> plate, string layout)
    {
        var start = 0;
        foreach (var group in layout.Split('-'))
        {
            var characters = plate.Slice(start, group.Length);
            start += group.Length;
            foreach (var banned in DutchBanned)
            {
                if (characters.IndexOf(banned, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static int Digits(ReadOnlySpan<char> text)
    {
        var n = 0;
        while (n < text.Length && char.IsAsciiDigit(text[n]))
        {
            n++;
        }

        return n;
    }

    private static int Letters(ReadOnlySpan<char> text, string set)
    {
        var n = 0;
        while (n < text.Length && set.Contains(text[n], StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }
}

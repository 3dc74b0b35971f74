namespace Senningen.Core.Consultation.Names;

/// <summary>
/// The agreement level of each field between two prepared persons. The cheap tests (string equality) run first, so
/// a candidate that agrees exactly costs no similarity computation.
/// </summary>
internal static class FieldComparison
{
    /// <summary>Jaro–Winkler at or above this is a typo, not a different name: the level Splink and FEBRL studies use for names.</summary>
    public const double TypoSimilarity = 0.9;

    public static Agreement Surname(SurnameForm a, SurnameForm b)
    {
        if (a.IsEmpty || b.IsEmpty)
        {
            return Agreement.Missing;
        }

        if (a.Compact == b.Compact || a.SortedParts == b.SortedParts)
        {
            return Agreement.Exact;
        }

        if (Overlap(a.Stems, b.Stems) || Overlap(a.Parts, b.Parts))
        {
            return a.Parts.Length == 1 && b.Parts.Length == 1 ? Agreement.Stem : Agreement.Compound;
        }

        if (a.Sound == b.Sound || (a.Parts.Length == 1 && b.Parts.Length == 1 && Overlap(a.StemSounds, b.StemSounds)))
        {
            return Agreement.Phonetic;
        }

        if (Overlap(a.StemSounds, b.StemSounds))
        {
            return Agreement.Compound;
        }

        return IsTypo(a.Compact, b.Compact) || AnyTypo(a.Stems, b.Stems) ? Agreement.Typo : Agreement.Disagree;
    }

    public static Agreement GivenNames(GivenNamesForm a, GivenNamesForm b)
    {
        if (a.IsEmpty || b.IsEmpty)
        {
            return Agreement.Missing;
        }

        if (a.First == b.First || a.Compact == b.Compact)
        {
            return Agreement.Exact;
        }

        if (a.First.Length == 1 || b.First.Length == 1)
        {
            return a.Initial == b.Initial ? Agreement.Initial : Agreement.Disagree;
        }

        if (a.FirstSound == b.FirstSound)
        {
            return Agreement.Phonetic;
        }

        if (Array.IndexOf(b.Names, a.First) >= 0 || Array.IndexOf(a.Names, b.First) >= 0)
        {
            return Agreement.Compound;
        }

        return IsTypo(a.First, b.First) || IsTypo(a.Compact, b.Compact) ? Agreement.Typo : Agreement.Disagree;
    }

    /// <summary>Whether a surname written as a given name, and the other way round, agree: names in the wrong fields.</summary>
    public static bool Crossed(SurnameForm surname, GivenNamesForm given) =>
        !surname.IsEmpty && !given.IsEmpty
        && (surname.Compact == given.Compact || surname.Compact == given.First || surname.Sound == given.FirstSound || IsTypo(surname.Compact, given.First));

    public static Agreement BirthDate(BirthDate a, BirthDate b)
    {
        if (!a.IsKnown || !b.IsKnown)
        {
            return Agreement.Missing;
        }

        if (a == b)
        {
            return Agreement.Exact;
        }

        if (a.IsYearOnly || b.IsYearOnly)
        {
            return a.Year == b.Year ? Agreement.YearOnly : Agreement.Disagree;
        }

        if (a.Year == b.Year && a.Month == b.Day && a.Day == b.Month)
        {
            return Agreement.DayMonthSwapped;
        }

        if (OneDigitApart(a.Packed, b.Packed))
        {
            return Agreement.OneDigit;
        }

        return a.Year == b.Year ? Agreement.YearOnly : Agreement.Disagree;
    }

    public static Agreement Sex(Sex a, Sex b) =>
        a == Names.Sex.Unknown || b == Names.Sex.Unknown ? Agreement.Missing : a == b ? Agreement.Exact : Agreement.Disagree;

    /// <summary>Postcodes, house numbers, identifiers: one wrong or swapped character is a typo.</summary>
    public static Agreement Code(string a, string b) =>
        a.Length == 0 || b.Length == 0 ? Agreement.Missing
        : a == b ? Agreement.Exact
        : Math.Min(a.Length, b.Length) >= 3 && StringSimilarity.Distance(a, b, 1) <= 1 ? Agreement.Typo
        : Agreement.Disagree;

    /// <summary>Municipalities and streets: the spelling is compared, not the sound (a place name has one spelling per language).</summary>
    public static Agreement Place(string a, string b) =>
        a.Length == 0 || b.Length == 0 ? Agreement.Missing
        : a == b ? Agreement.Exact
        : IsTypo(a, b) ? Agreement.Typo
        : Agreement.Disagree;

    /// <summary>One edit apart (two for names of 8 letters and more), or Jaro–Winkler at the typo level.</summary>
    public static bool IsTypo(string a, string b)
    {
        var shorter = Math.Min(a.Length, b.Length);
        if (shorter < 2)
        {
            return false;
        }

        var limit = shorter >= 8 ? 2 : 1;
        return StringSimilarity.Distance(a, b, limit) <= limit || StringSimilarity.JaroWinkler(a, b) >= TypoSimilarity;
    }

    private static bool AnyTypo(string[] a, string[] b)
    {
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (Math.Min(x.Length, y.Length) >= 4 && IsTypo(x, y))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Overlap(string[] a, string[] b)
    {
        foreach (var x in a)
        {
            if (Array.IndexOf(b, x) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>yyyyMMdd digits that differ in one place, or in two adjacent places holding each other's digit.</summary>
    private static bool OneDigitApart(int a, int b)
    {
        Span<int> da = stackalloc int[8];
        Span<int> db = stackalloc int[8];
        for (var i = 7; i >= 0; i--)
        {
            (da[i], db[i], a, b) = (a % 10, b % 10, a / 10, b / 10);
        }

        var first = -1;
        var count = 0;
        for (var i = 0; i < 8; i++)
        {
            if (da[i] != db[i])
            {
                first = count == 0 ? i : first;
                count++;
            }
        }

        return count == 1 || (count == 2 && first < 7 && da[first] == db[first + 1] && da[first + 1] == db[first] && da[first + 1] != db[first + 1]);
    }
}

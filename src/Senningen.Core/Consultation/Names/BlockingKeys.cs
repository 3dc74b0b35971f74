namespace Senningen.Core.Consultation.Names;

/// <summary>
/// The blocking keys of a person, as 64-bit hashes tagged by kind. Each key tolerates a different error, so a true
/// match is missed only when every key is broken at once:
/// <list type="bullet">
/// <item><see cref="BlockingKind.Surname"/>: a surname sound (the whole, and each stem) alone; only a query with
/// nothing else uses it, and it is what makes a common surname alone too broad.</item>
/// <item><see cref="BlockingKind.SurnameInitial"/>: surname sound + first initial (any birth date error).</item>
/// <item><see cref="BlockingKind.SurnameYear"/>: surname sound + birth year (given-name errors, a missing given name).</item>
/// <item><see cref="BlockingKind.GivenDate"/>: first-name sound + year + the day and month in either order (surname
/// typos that change its sound, swapped day and month).</item>
/// <item><see cref="BlockingKind.PrefixDate"/>: the first two letters of the compact surname + the same date (errors
/// in both names past their first letters).</item>
/// <item><see cref="BlockingKind.SurnameDeletion"/>: the compact surname, whole and with each letter left out in
/// turn, + first initial: a typo that changes the sound (Musolino, Musoilno) with no usable date. A fallback key:
/// its blocks are read only while small (<see cref="FallbackBlockLimit"/>).</item>
/// <item><see cref="BlockingKind.PostcodeSurname"/>: postcode + surname sound (no usable date, no given name).</item>
/// <item><see cref="BlockingKind.DatePostcode"/>: the date (day and month in either order) + postcode: the same person
/// under another name (a married name, names in the wrong fields, a name misheard).</item>
/// <item><see cref="BlockingKind.Address"/>: postcode + house number (the same, when the date is wrong too).</item>
/// <item><see cref="BlockingKind.DateHouse"/>: the date + house number (the same, when the postcode is mistyped).</item>
/// <item><see cref="BlockingKind.OtherId"/>: the shared identifier, whole and with each character left out in turn,
/// so one wrong, missing, extra or swapped character still shares a key (a deletion neighbourhood).</item>
/// </list>
/// </summary>
internal static class BlockingKeys
{
    /// <summary>A fallback block larger than this is not read: rare names need it, common ones have their sound keys.</summary>
    public const int FallbackBlockLimit = 64;

    private const int MaxDeletionLength = 24;

    public static bool IsFallback(ulong key) => KindOf(key) == BlockingKind.SurnameDeletion;

    public static void Of(PreparedPerson person, bool withSurnameAlone, List<ulong> keys)
    {
        var (surname, given, date) = (person.Surname, person.Given, person.BirthDate);
        if (!surname.IsEmpty)
        {
            foreach (var sound in Sounds(surname))
            {
                var s = Hash(sound);
                if (withSurnameAlone)
                {
                    keys.Add(Tagged(BlockingKind.Surname, s));
                }

                if (!given.IsEmpty)
                {
                    keys.Add(Tagged(BlockingKind.SurnameInitial, Mix(s, given.Initial)));
                }

                if (date.IsKnown)
                {
                    keys.Add(Tagged(BlockingKind.SurnameYear, Mix(s, (ulong)date.Year)));
                }

                if (person.Postcode.Length > 0)
                {
                    keys.Add(Tagged(BlockingKind.PostcodeSurname, Mix(s, Hash(person.Postcode))));
                }
            }
        }

        if (!given.IsEmpty && surname.Compact.Length is >= 4 and <= MaxDeletionLength)
        {
            Deletions(surname.Compact, given.Initial, BlockingKind.SurnameDeletion, keys);
        }

        if (date.IsKnown && !date.IsYearOnly)
        {
            var day = (ulong)((date.Year * 10_000) + (Math.Min(date.Month, date.Day) * 100) + Math.Max(date.Month, date.Day));
            if (!given.IsEmpty && given.First.Length > 1)
            {
                keys.Add(Tagged(BlockingKind.GivenDate, Mix(Hash(given.FirstSound), day)));
            }

            if (surname.Compact.Length >= 2)
            {
                keys.Add(Tagged(BlockingKind.PrefixDate, Mix(Hash(surname.Compact.AsSpan(0, 2)), day)));
            }

            if (person.Postcode.Length > 0)
            {
                keys.Add(Tagged(BlockingKind.DatePostcode, Mix(Hash(person.Postcode), day)));
            }

            if (person.HouseNumber.Length > 0)
            {
                keys.Add(Tagged(BlockingKind.DateHouse, Mix(Hash(person.HouseNumber), day)));
            }
        }

        if (person.Postcode.Length > 0 && person.HouseNumber.Length > 0)
        {
            keys.Add(Tagged(BlockingKind.Address, Mix(Hash(person.Postcode), Hash(person.HouseNumber))));
        }

        if (person.OtherId.Length > 0)
        {
            OtherIdKeys(person.OtherId, keys);
        }
    }

    private static void OtherIdKeys(string id, List<ulong> keys)
    {
        keys.Add(Tagged(BlockingKind.OtherId, Hash(id)));
        if (id.Length >= 5 && id.Length <= 64)
        {
            Deletions(id, 0, BlockingKind.OtherIdDeletion, keys);
        }
    }

    /// <summary>
    /// The text with each character left out in turn, and the text whole (it is among the deletions of a text with
    /// one character more): two texts one substitution, insertion, deletion or adjacent swap apart share a key.
    /// </summary>
    private static void Deletions(string text, ulong salt, BlockingKind kind, List<ulong> keys)
    {
        Span<char> shorter = stackalloc char[text.Length - 1];
        for (var skip = 0; skip < text.Length; skip++)
        {
            text.AsSpan(0, skip).CopyTo(shorter);
            text.AsSpan(skip + 1).CopyTo(shorter[skip..]);
            keys.Add(Tagged(kind, Mix(Hash(shorter), salt)));
        }

        keys.Add(Tagged(kind, Mix(Hash(text), salt)));
    }

    private static IEnumerable<string> Sounds(SurnameForm surname)
    {
        yield return surname.Sound;
        foreach (var sound in surname.StemSounds)
        {
            if (sound != surname.Sound)
            {
                yield return sound;
            }
        }
    }

    /// <summary>FNV-1a over the characters, finished by a multiply-xorshift so the low bits spread too.</summary>
    private static ulong Hash(ReadOnlySpan<char> text)
    {
        unchecked
        {
            var hash = 14695981039346656037UL;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            return Mix(hash, (ulong)text.Length);
        }
    }

    private static ulong Mix(ulong a, ulong b)
    {
        unchecked
        {
            var x = (a ^ (b * 0x9E3779B97F4A7C15UL)) * 0xBF58476D1CE4E5B9UL;
            return x ^ (x >> 31);
        }
    }

    // The top byte says the kind, so two kinds never share a block and a query can tell which keys it used.
    private static ulong Tagged(BlockingKind kind, ulong hash) => ((ulong)kind << 56) | (hash & 0x00FF_FFFF_FFFF_FFFFUL);

    private static BlockingKind KindOf(ulong key) => (BlockingKind)(key >> 56);
}

/// <summary>The kinds of blocking key, see <see cref="BlockingKeys"/>.</summary>
internal enum BlockingKind
{
    Surname = 1,
    SurnameInitial,
    SurnameYear,
    SurnameDeletion,
    GivenDate,
    PrefixDate,
    PostcodeSurname,
    DatePostcode,
    DateHouse,
    Address,
    OtherId,
    OtherIdDeletion,
}

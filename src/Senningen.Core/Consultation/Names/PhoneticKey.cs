namespace Senningen.Core.Consultation.Names;

/// <summary>
/// A sound key for Dutch and French spellings of one name, over folded letters: spellings a clerk on either side of
/// the language border would write for the same sound get the same key. Rules, left to right: sch → s; ch, gh → g;
/// ph → f; th → t; ck, c (not before e, i, y), q, qu → k; c before e, i, y → s; x → ks; z → s; dt → t;
/// ij, eij, ei, ey, ie, y → i; oe, ou → u; eau → o; ae → a; h after a consonant is dropped; then repeated letters collapse
/// (aa → a, ss → s) and a final d is voiceless (t). Vowels stay: dropping them, as Soundex does, merges too many
/// short Benelux names to block on.
/// </summary>
internal static class PhoneticKey
{
    public static string Of(ReadOnlySpan<char> compact)
    {
        if (compact.IsEmpty)
        {
            return "";
        }

        Span<char> raw = compact.Length <= 60 ? stackalloc char[2 * compact.Length] : new char[2 * compact.Length];
        var n = 0;
        for (var i = 0; i < compact.Length;)
        {
            var (sound, used) = Sound(compact, i);
            foreach (var c in sound)
            {
                // An h that follows a consonant only marks the consonant (Thijs, Ghent, Rhodes) and is silent.
                if (c == 'h' && n > 0 && !IsVowel(raw[n - 1]))
                {
                    continue;
                }

                raw[n++] = c;
            }

            i += used;
        }

        return Collapsed(raw[..n]);
    }

    private static (string Sound, int Used) Sound(ReadOnlySpan<char> s, int i)
    {
        var c = s[i];
        var next = i + 1 < s.Length ? s[i + 1] : '\0';
        var after = i + 2 < s.Length ? s[i + 2] : '\0';
        return c switch
        {
            's' when next == 'c' && after == 'h' => ("s", 3),
            'c' when next == 'h' => ("g", 2),
            'g' when next == 'h' => ("g", 2),
            'p' when next == 'h' => ("f", 2),
            't' when next == 'h' => ("t", 2),
            'c' when next == 'k' => ("k", 2),
            'c' when next is 'e' or 'i' or 'y' => ("s", 1),
            'c' => ("k", 1),
            'q' when next == 'u' => ("k", 2),
            'q' => ("k", 1),
            'x' => ("ks", 1),
            'z' => ("s", 1),
            'd' when next == 't' => ("t", 2),
            'e' when next == 'i' && after == 'j' => ("i", 3),
            'i' when next is 'j' or 'e' => ("i", 2),
            'e' when next is 'i' or 'y' => ("i", 2),
            'e' when next == 'a' && after == 'u' => ("o", 3),
            'y' => ("i", 1),
            'o' when next is 'e' or 'u' => ("u", 2),
            'a' when next == 'e' => ("a", 2),
            _ => (Letter(c), 1),
        };
    }

    private static string Collapsed(ReadOnlySpan<char> raw)
    {
        Span<char> key = raw.Length <= 256 ? stackalloc char[raw.Length] : new char[raw.Length];
        var n = 0;
        foreach (var c in raw)
        {
            if (n == 0 || key[n - 1] != c)
            {
                key[n++] = c;
            }
        }

        if (n > 1 && key[n - 1] == 'd')
        {
            key[n - 1] = 't';
        }

        return new string(key[..n]);
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static string Letter(char c) => c is >= 'a' and <= 'z' ? Letters[c - 'a'] : "";

    private static readonly string[] Letters = [.. Enumerable.Range('a', 26).Select(c => ((char)c).ToString())];
}

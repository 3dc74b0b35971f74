using System.Globalization;
using System.Text;

namespace Senningen.Core.Consultation.Names;

/// <summary>
/// Folds a name as written into lower-case ASCII: diacritics to their base letters (é → e, ß → ss, Ø → o, ĳ → ij),
/// digits and other marks dropped. Separators that carry meaning for a surname survive as one character each:
/// <c>'-'</c> between the parts of a compound name, <c>'\''</c> after an elided particle (d', 't), <c>','</c> before
/// particles written after the stem ("Berg, van der"); every other separator becomes one space. Folding is idempotent.
/// </summary>
internal static class NameText
{
    // U+00C0-U+024F (Latin-1 Supplement, Latin Extended-A and B) to their ASCII forms, built once.
    private const char TableStart = '\u00C0';
    private const char TableEnd = '\u024F';
    private static readonly string[] Ascii = [.. Enumerable.Range('a', 26).Select(c => ((char)c).ToString())];
    private static readonly string[] Table = BuildTable();

    public static string Fold(ReadOnlySpan<char> text)
    {
        var folded = new StringBuilder(text.Length);
        var pending = '\0';
        foreach (var c in text)
        {
            var mark = Separator(c);
            if (mark != '\0')
            {
                // A run of separators keeps its strongest mark: a comma over a hyphen over an apostrophe over a space.
                pending = Strength(mark) > Strength(pending) ? mark : pending;
                continue;
            }

            var letters = Letters(c);
            if (letters.Length == 0)
            {
                continue;
            }

            if (pending != '\0' && folded.Length > 0)
            {
                folded.Append(pending);
            }

            pending = '\0';
            folded.Append(letters);
        }

        return folded.ToString();
    }

    /// <summary>Only the letters of a folded text, every separator gone: "Van den Berg-Smit" → "vandenbergsmit".</summary>
    public static string Compact(ReadOnlySpan<char> folded)
    {
        Span<char> buffer = folded.Length <= 128 ? stackalloc char[folded.Length] : new char[folded.Length];
        var n = 0;
        foreach (var c in folded)
        {
            if (c is >= 'a' and <= 'z')
            {
                buffer[n++] = c;
            }
        }

        return new string(buffer[..n]);
    }

    private static char Separator(char c) => c switch
    {
        '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' => '-',
        '\'' or '\u2018' or '\u2019' or '`' or '\u00B4' or '\u02BC' => '\'',
        ',' => ',',
        _ when char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c) => ' ',
        _ => '\0',
    };

    private static int Strength(char mark) => mark switch { ',' => 4, '-' => 3, '\'' => 2, ' ' => 1, _ => 0 };

    private static string Letters(char c) => c switch
    {
        >= 'a' and <= 'z' => Ascii[c - 'a'],
        >= 'A' and <= 'Z' => Ascii[c - 'A'],
        >= TableStart and <= TableEnd => Table[c - TableStart],
        _ => "",
    };

    private static string[] BuildTable()
    {
        var table = new string[TableEnd - TableStart + 1];
        for (var c = TableStart; c <= TableEnd; c++)
        {
            table[c - TableStart] = Special(c) ?? Decomposed(c);
        }

        return table;
    }

    // Letters that Unicode does not decompose into a base letter and a mark.
    private static string? Special(char c) => char.ToLowerInvariant(c) switch
    {
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ø' => "o",
        'ł' => "l",
        'đ' or 'ð' => "d",
        'þ' => "th",
        'ı' => "i",
        'ĳ' => "ij",
        'ħ' => "h",
        'ŀ' => "l",
        _ => null,
    };

    private static string Decomposed(char c)
    {
        var letters = new StringBuilder();
        foreach (var d in c.ToString().Normalize(NormalizationForm.FormKD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark && char.IsAsciiLetter(d))
            {
                letters.Append(char.ToLowerInvariant(d));
            }
        }

        return letters.ToString();
    }
}

using System.Text;

namespace Senningen.Node.Features.Identity.Passwords;

/// <summary>Shapes a guesser enumerates before any word: one character repeated, a short unit repeated, a step-by-one run.</summary>
internal static class PasswordShapes
{
    /// <summary>"aaaa…", "abcabc…", "123456…", "987654…", "abcdef…" (digits wrap: 7890123 is a run too).</summary>
    public static bool IsRepetitive(string text)
    {
        if (text.Length < 2)
        {
            return text.Length == 1;
        }

        for (var unit = 1; unit <= text.Length / 2; unit++)
        {
            if (IsRepeatOf(text, unit))
            {
                return true;
            }
        }

        return IsRun(text, +1) || IsRun(text, -1);
    }

    /// <summary>The common look-alike substitutions undone: "p@ssw0rd" is "password".</summary>
    public static string Unleet(string text)
    {
        var letters = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            letters.Append(c switch
            {
                '0' => 'o',
                '1' or '!' or '|' => 'i',
                '3' => 'e',
                '4' or '@' => 'a',
                '5' or '$' => 's',
                '7' or '+' => 't',
                '8' => 'b',
                '9' => 'g',
                _ => c,
            });
        }

        return letters.ToString();
    }

    public static string LettersOnly(string text) => string.Concat(text.Where(char.IsLetter));

    private static bool IsRepeatOf(string text, int unit)
    {
        for (var i = unit; i < text.Length; i++)
        {
            if (text[i] != text[i - unit])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsRun(string text, int step)
    {
        for (var i = 1; i < text.Length; i++)
        {
            var (previous, current) = (text[i - 1], text[i]);
            var next = char.IsAsciiDigit(previous) ? (char)('0' + ((previous - '0' + step + 10) % 10)) : (char)(previous + step);
            if (current != next)
            {
                return false;
            }
        }

        return true;
    }
}

using System.Globalization;
using System.Text;

namespace Senningen.Core.Consultation.Registry;

/// <summary>
/// The coarse blocking key a registry stores beside each surname so that candidates are found by index: lower-case
/// ASCII letters of the surname without its particles, wherever written ("van der Berg", "Berg, van der", "VAN DER
/// BERG" and "Vanderberg" all give "berg"; "d'Hondt" and "De Hondt" give "hondt"). It is deliberately broad; the name
/// matcher ranks what it returns.
/// </summary>
public static class SurnameKey
{
    public const int MaxLength = 40;

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "van", "von", "der", "den", "de", "del", "della", "des", "du", "d", "la", "le", "les", "l", "ter", "ten", "te", "het", "t", "in", "op", "vander", "vanden", "vande",
        "zu", "dos", "da", "das",
    };

    // Particles that are often written fused to the name; stripped only when a real name of three letters or more remains.
    private static readonly string[] FusedPrefixes = ["vanden", "vander", "vande", "van"];

    public static string Of(string surname)
    {
        ArgumentNullException.ThrowIfNull(surname);
        var tokens = Tokens(surname);
        var key = new StringBuilder(surname.Length);
        foreach (var token in tokens)
        {
            if (!Particles.Contains(token))
            {
                key.Append(token);
            }
        }

        if (key.Length == 0)
        {
            // A name made only of particle-like words ("De La") is its own key.
            foreach (var token in tokens)
            {
                key.Append(token);
            }
        }

        var text = key.ToString();
        foreach (var prefix in FusedPrefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal) && text.Length - prefix.Length >= 3)
            {
                text = text[prefix.Length..];
                break;
            }
        }

        return text.Length > MaxLength ? text[..MaxLength] : text;
    }

    private static List<string> Tokens(string surname)
    {
        var decomposed = surname.Normalize(NormalizationForm.FormD);
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(ch);
            if (lower is >= 'a' and <= 'z')
            {
                current.Append(lower);
            }
            else if (lower is 'ß')
            {
                current.Append("ss");
            }
            else if (lower is '-' && current.Length > 0)
            {
                // Double names are one key ("Dupont-Durand" -> "dupontdurand"), so both halves stay together.
                continue;
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }
}

using System.Collections.Frozen;

namespace Senningen.Core.Consultation.Names;

/// <summary>
/// Surname particles of the Benelux and its neighbours (Dutch, Flemish, French, German, Italian, Portuguese), folded:
/// written apart ("van der", "de la", "d'", "'t") they are separated from the stem; written together
/// ("Vandenberg", "Delacroix") they are recognised as a prefix, so the stem can be compared on its own.
/// </summary>
internal static class Particles
{
    private static readonly FrozenSet<string> Apart = FrozenSet.Create(StringComparer.Ordinal,
        "van", "der", "den", "de", "het", "t", "ter", "ten", "te", "op", "in", "aan", "onder", "bij", "uit", "over", "vd",
        "du", "des", "la", "le", "les", "l", "d", "von", "vom", "zu", "zum", "zur", "am", "di", "da", "del", "della", "dello",
        "degli", "dos", "das", "do", "vander", "vanden", "vande", "dela");

    // Longest first, so "vanden" is taken before "van". A two-letter prefix needs a longer rest than a longer one:
    // "devos" keeps "vos" only through the compact form, while "dekker" must not lose "de" too easily.
    private static readonly (string Prefix, int MinRest)[] Glued =
    [
        ("vanden", 3), ("vander", 3), ("vande", 3), ("della", 3), ("dela", 3), ("van", 3), ("von", 3), ("ver", 4), ("ter", 4), ("ten", 4),
        ("del", 4), ("de", 4), ("le", 4), ("la", 4), ("du", 4), ("di", 4), ("da", 4),
    ];

    public static bool IsParticle(string token) => Apart.Contains(token);

    /// <summary>The stem left when a glued particle prefix is taken off <paramref name="compact"/>, or null.</summary>
    public static string? StripGlued(string compact)
    {
        foreach (var (prefix, minRest) in Glued)
        {
            if (compact.Length - prefix.Length >= minRest && compact.StartsWith(prefix, StringComparison.Ordinal))
            {
                return compact[prefix.Length..];
            }
        }

        return null;
    }
}

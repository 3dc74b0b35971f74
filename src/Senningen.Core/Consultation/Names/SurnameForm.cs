namespace Senningen.Core.Consultation.Names;

/// <summary>
/// A surname taken apart once, for comparing and blocking: its parts (a compound or double surname has several, each
/// with its own particles), the compact spelling of the whole, the stems (with a glued particle taken off as an
/// alternative: "Vandenberg" also has the stem "berg") and their sound keys.
/// "van der Berg", "Van der Berg", "Berg, van der" and "Berg van der" all have the compact form "vanderberg".
/// </summary>
internal sealed class SurnameForm
{
    public static readonly SurnameForm Empty = new([], [], []);

    private SurnameForm(string[] particles, string[] stems, string[] alternatives)
    {
        Compact = string.Concat(particles.Zip(stems, (p, s) => p + s));
        Parts = [.. particles.Zip(stems, (p, s) => p + s)];
        Stems = [.. stems.Concat(alternatives).Distinct()];
        SortedParts = string.Join('-', Parts.Order(StringComparer.Ordinal));
        Sound = PhoneticKey.Of(Compact);
        StemSounds = [.. Stems.Select(s => PhoneticKey.Of(s)).Where(s => s.Length > 0).Distinct()];
    }

    public bool IsEmpty => Compact.Length == 0;

    /// <summary>Particles and stems of every part, letters only: "janssensdevos".</summary>
    public string Compact { get; }

    /// <summary>Each part with its particles: ["janssens", "devos"].</summary>
    public string[] Parts { get; }

    /// <summary>The parts without particles, and stems with a glued particle taken off: ["janssens", "vos"].</summary>
    public string[] Stems { get; }

    /// <summary>The parts in a fixed order, so "Janssens-De Vos" and "De Vos-Janssens" agree.</summary>
    public string SortedParts { get; }

    public string Sound { get; }

    public string[] StemSounds { get; }

    public static SurnameForm Parse(string? text)
    {
        var folded = NameText.Fold(text ?? "");
        if (folded.Length == 0)
        {
            return Empty;
        }

        var (particles, stems) = (new List<string>(), new List<string>());
        foreach (var segment in Reordered(folded).Split('-', StringSplitOptions.RemoveEmptyEntries))
        {
            AddSegment(segment.Split([' ', '\''], StringSplitOptions.RemoveEmptyEntries), particles, stems);
        }

        var alternatives = new List<string>();
        for (var p = 0; p < stems.Count; p++)
        {
            if (particles[p].Length == 0 && Particles.StripGlued(stems[p]) is { } stripped)
            {
                alternatives.Add(stripped);
            }
        }

        return new SurnameForm([.. particles], [.. stems], [.. alternatives]);
    }

    /// <summary>"berg, van der" becomes "van der berg" when everything after the comma is particles; else the comma is a space.</summary>
    private static string Reordered(string folded)
    {
        var comma = folded.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            return folded;
        }

        var (head, tail) = (folded[..comma], folded[(comma + 1)..].Replace(",", " ", StringComparison.Ordinal));
        var tailTokens = tail.Split([' ', '\''], StringSplitOptions.RemoveEmptyEntries);
        return tailTokens.Length > 0 && tailTokens.All(Particles.IsParticle) ? tail + " " + head : head + " " + tail;
    }

    /// <summary>
    /// Leading particles belong to the next stem; a one-letter token that is no particle joins the next (O'Brien);
    /// particles left at the end were written after the stem (the comma lost) and go before the segment's first part.
    /// </summary>
    private static void AddSegment(string[] tokens, List<string> particles, List<string> stems)
    {
        var first = stems.Count;
        var pending = "";
        var glue = "";
        for (var t = 0; t < tokens.Length; t++)
        {
            var token = tokens[t];
            var last = t == tokens.Length - 1;
            if (Particles.IsParticle(token) && !(last && stems.Count == first))
            {
                pending += token;
                continue;
            }

            if (token.Length == 1 && !last)
            {
                glue += token;
                continue;
            }

            particles.Add(pending);
            stems.Add(glue + token);
            (pending, glue) = ("", "");
        }

        if (pending.Length > 0)
        {
            particles[first] = pending + particles[first];
        }
    }
}

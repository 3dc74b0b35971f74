namespace Senningen.Core.Treaty;

/// <summary>
/// The four languages every treaty text exists in: the official languages of the parties
/// (Dutch, French, German) plus English as the common working language and fallback.
/// </summary>
public static class Language
{
    public const string Dutch = "nl";
    public const string French = "fr";
    public const string German = "de";
    public const string English = "en";

    /// <summary>All supported codes, in the order the data files write them.</summary>
    public static IReadOnlyList<string> All { get; } = [Dutch, French, German, English];

    /// <summary>True for one of the four codes (lower case, as in the data files).</summary>
    public static bool IsSupported(string? code) => code is Dutch or French or German or English;
}

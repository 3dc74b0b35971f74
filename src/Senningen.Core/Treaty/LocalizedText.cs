namespace Senningen.Core.Treaty;

/// <summary>One human text in the four supported languages; the parser guarantees none is blank.</summary>
public sealed record LocalizedText(string Nl, string Fr, string De, string En)
{
    /// <summary>
    /// The text in <paramref name="language"/> (case-insensitive, region ignored, so "fr-BE" works);
    /// English for any other language, because every officer in the Benelux desks reads it.
    /// </summary>
    public string Get(string? language)
    {
        var code = language is { Length: >= 2 } ? language[..2].ToLowerInvariant() : Language.English;
        return code switch
        {
            Language.Dutch => Nl,
            Language.French => Fr,
            Language.German => De,
            _ => En,
        };
    }
}

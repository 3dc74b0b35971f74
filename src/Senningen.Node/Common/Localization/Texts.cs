using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace Senningen.Node.Common.Localization;

/// <summary>
/// Every string a person reads, in nl, fr, de and en, from the embedded <c>Texts/*.json</c> files.
/// The language is the current UI culture (set per request from the user, the cookie or Accept-Language).
/// </summary>
public sealed class Texts
{
    public static IReadOnlyList<string> Languages { get; } = ["nl", "fr", "de", "en"];

    public const string Fallback = "en";

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _byLanguage;

    private Texts(FrozenDictionary<string, FrozenDictionary<string, string>> byLanguage) => _byLanguage = byLanguage;

    public static Texts Load()
    {
        var assembly = typeof(Texts).Assembly;
        var all = new Dictionary<string, FrozenDictionary<string, string>>();
        foreach (var language in Languages)
        {
            using var stream = assembly.GetManifestResourceStream($"texts.{language}.json")
                ?? throw new InvalidOperationException($"The texts for '{language}' are not embedded in the node.");
            var map = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidOperationException($"The texts for '{language}' are empty.");
            all[language] = map.ToFrozenDictionary(StringComparer.Ordinal);
        }

        return new Texts(all.ToFrozenDictionary());
    }

    public static string CurrentLanguage => Normalise(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    public static string Normalise(string? language) =>
        language is not null && Languages.Contains(language.ToLowerInvariant()) ? language.ToLowerInvariant() : Fallback;

    public IReadOnlyCollection<string> Keys(string language) => _byLanguage[Normalise(language)].Keys;

    public string this[string key] => Get(CurrentLanguage, key);

    public string this[string key, params object?[] args] =>
        string.Format(CultureInfo.CurrentCulture, Get(CurrentLanguage, key), args);

    public string Get(string language, string key)
    {
        if (_byLanguage[Normalise(language)].TryGetValue(key, out var text) || _byLanguage[Fallback].TryGetValue(key, out text))
        {
            return text;
        }

        // A missing key is a bug caught by the texts test; show the key rather than nothing.
        return key;
    }

    public string Format(string language, string key, params object?[] args) =>
        string.Format(CultureInfo.GetCultureInfo(Normalise(language)), Get(language, key), args);
}

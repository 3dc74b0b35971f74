using System.Text.Json;
using System.Text.RegularExpressions;
using Senningen.Contracts.Users;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Tests.Localization;

/// <summary>
/// Every text a person reads exists in nl, fr, de and en: the JSON files agree with each other and with the
/// keys the code asks for. A missing key would show the raw key on screen, so it fails here instead.
/// </summary>
public sealed partial class TextsTests
{
    private static readonly string SourceRoot = Path.Combine(RepositoryRoot(), "src", "Senningen.Node");

    private static readonly Dictionary<string, Dictionary<string, string>> ByLanguage = Texts.Languages.ToDictionary(
        language => language,
        language => JsonSerializer.Deserialize<Dictionary<string, string>>(
            File.ReadAllText(Path.Combine(SourceRoot, "Common", "Localization", "Texts", language + ".json")))!);

    [Fact]
    public void TextFiles_AllLanguages_HaveExactlyTheSameKeys()
    {
        var all = ByLanguage.Values.SelectMany(texts => texts.Keys).ToHashSet(StringComparer.Ordinal);

        var missing = ByLanguage
            .Select(pair => (Language: pair.Key, Missing: all.Where(key => !pair.Value.ContainsKey(key)).Order(StringComparer.Ordinal).ToList()))
            .Where(entry => entry.Missing.Count > 0)
            .Select(entry => $"{entry.Language}.json lacks {string.Join(", ", entry.Missing)}");

        missing.ShouldBeEmpty();
    }

    [Fact]
    public void TextFiles_NoValueIsEmpty()
    {
        var empty = ByLanguage.SelectMany(pair => pair.Value.Where(text => string.IsNullOrWhiteSpace(text.Value))
            .Select(text => $"{pair.Key}: {text.Key}"));

        empty.ShouldBeEmpty();
    }

    [Fact]
    public void TextFiles_PlaceholdersOfTheEnglishText_AppearInEveryLanguage()
    {
        var wrong = ByLanguage[Texts.Fallback]
            .SelectMany(english => ByLanguage
                .Where(pair => pair.Value.TryGetValue(english.Key, out var text) && !Placeholders(text).SetEquals(Placeholders(english.Value)))
                .Select(pair => $"{pair.Key}: {english.Key} has [{string.Join(' ', Placeholders(pair.Value[english.Key]))}]"
                    + $" but en has [{string.Join(' ', Placeholders(english.Value))}]"));

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public void UsedKeys_EveryKeyTheCodeAsksFor_ExistsInEveryLanguage()
    {
        var used = LiteralKeysInRazor().Concat(LiteralKeysInCode()).Concat(InterpolatedKeyExpansions()).Concat(ProblemTitleKeys())
            .ToHashSet(StringComparer.Ordinal);

        var missing = used.SelectMany(key => ByLanguage.Where(pair => !pair.Value.ContainsKey(key)).Select(pair => $"{pair.Key}: {key}"))
            .Order(StringComparer.Ordinal);

        used.ShouldContain("guide.title", "the key scan found nothing; has the page syntax changed?");
        missing.ShouldBeEmpty();
    }

    // T["key"], T["key", arg] and T.Get(language, "key") in the console's components.
    private static IEnumerable<string> LiteralKeysInRazor() =>
        SourceFiles("*.razor").SelectMany(text => RazorKey().Matches(text).Select(m => m.Groups["key"].Value));

    // texts["key"] in handlers and middleware that answer in the caller's language.
    private static IEnumerable<string> LiteralKeysInCode() =>
        SourceFiles("*.cs").SelectMany(text => CodeKey().Matches(text).Select(m => m.Groups["key"].Value));

    // Keys built at run time, like T[$"country.{code}"]: every value the code can put in the hole.
    private static IEnumerable<string> InterpolatedKeyExpansions() =>
    [
        .. new[] { "BE", "NL", "LU", "FR", "DE" }.Select(code => $"country.{code}"),
        .. Roles.All.Select(role => $"role.{role}"),
        .. Texts.Languages.Select(language => $"language.{language}"),
    ];

    // Problems.Create(texts, status, kind, …) looks up problem.{kind}.title; the kind is a literal, a ternary
    // of literals, or a local variable assigned from one.
    private static IEnumerable<string> ProblemTitleKeys()
    {
        foreach (var text in SourceFiles("*.cs"))
        {
            foreach (Match call in ProblemCreate().Matches(text))
            {
                var kind = call.Groups["kind"].Value.Trim();
                var expression = IdentifierPattern().IsMatch(kind)
                    ? Regex.Match(text, $@"\b{kind}\s*=\s*(?<value>[^;]+);").Groups["value"].Value
                    : kind;
                foreach (Match literal in StringLiteral().Matches(expression))
                {
                    yield return $"problem.{literal.Groups["value"].Value}.title";
                }
            }
        }
    }

    private static HashSet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> SourceFiles(string pattern) =>
        Directory.EnumerateFiles(SourceRoot, pattern, SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Senningen.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Senningen.slnx above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex("""\bT(?:\[|\.Get\([^,()]+,\s*)"(?<key>[^"{}]+)"[\],)]""")]
    private static partial Regex RazorKey();

    [GeneratedRegex("""\btexts\["(?<key>[^"{}]+)"[\],]""")]
    private static partial Regex CodeKey();

    [GeneratedRegex("""\bCreate\(texts,\s*[^,]+,\s*(?<kind>[^,]+),""")]
    private static partial Regex ProblemCreate();

    [GeneratedRegex("""^[A-Za-z_]\w*$""")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex("\"(?<value>[a-z][a-z-]*)\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex("""\{\d+\}""")]
    private static partial Regex Placeholder();
}

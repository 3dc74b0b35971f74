using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Senningen.Browser.Tests;

/// <summary>
/// Finds what a console page showed that belongs to another language than the operator's: a text of the English table
/// where the operator's language has its own, or a date or time written the American way. The page records every text
/// it ever showed (<see cref="RecorderScript"/>), so a render that the next poll corrected still counts.
/// </summary>
internal sealed class EnglishLeaks
{
    private readonly HashSet<string> _exact;
    private readonly List<Regex> _patterns;

    private EnglishLeaks(HashSet<string> exact, List<Regex> patterns) => (_exact, _patterns) = (exact, patterns);

    /// <summary>
    /// Installed on a browser context: every document it loads records the visible text nodes of its body, on load and
    /// after each DOM change, in <c>window.__seen</c>. Text under an element with its own <c>lang</c> (a phrase in the
    /// partner's language) is not the operator's and is left out.
    /// </summary>
    public const string RecorderScript = """
        (() => {
          window.__seen = new Set();
          const collect = () => {
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const text = node.textContent.trim();
              const parent = node.parentElement;
              if (!text || !parent || parent.closest('script, style, [data-lang-exempt]')) continue;
              const marked = parent.closest('[lang]');
              if (marked && marked !== document.documentElement) continue;
              if (parent.checkVisibility && !parent.checkVisibility()) continue;
              window.__seen.add(text);
            }
          };
          document.addEventListener('DOMContentLoaded', () => {
            collect();
            new MutationObserver(collect).observe(document.body, { childList: true, subtree: true, characterData: true });
          });
        })();
        """;

    /// <summary>The English texts that differ from <paramref name="language"/>'s and that no text of that language equals.</summary>
    public static EnglishLeaks For(string language)
    {
        var english = Table("en");
        var own = Table(language);
        var ownValues = own.Values.ToHashSet(StringComparer.Ordinal);
        var exact = new HashSet<string>(StringComparer.Ordinal);
        var patterns = new List<Regex>();
        foreach (var (key, text) in english)
        {
            if (own.TryGetValue(key, out var translated) && translated == text || ownValues.Contains(text))
            {
                continue;
            }

            var parts = Regex.Split(text, @"\{\d+\}");
            if (parts.Length == 1)
            {
                exact.Add(text.Trim());
            }
            else if (parts.Sum(p => p.Count(char.IsLetter)) >= 6)
            {
                // "Answer by {0}" matches "Answer by 9-12-2026" but a bare "{0} ({1})" would match anything.
                patterns.Add(new Regex("^" + string.Join("(.+)", parts.Select(p => Regex.Escape(p.Trim()))) + "$", RegexOptions.Singleline));
            }
        }

        return new EnglishLeaks(exact, patterns);
    }

    /// <summary>Each text of <paramref name="seen"/> that is English or a US-style date or time, with why.</summary>
    public IEnumerable<string> In(IEnumerable<string> seen)
    {
        var usDates = UsDatesAround(DateTime.UtcNow);
        foreach (var text in seen)
        {
            if (_exact.Contains(text) || _patterns.Any(p => p.IsMatch(text)))
            {
                yield return $"English text: \"{text}\"";
            }

            if (Regex.IsMatch(text, @"\d\s?(AM|PM)\b"))
            {
                yield return $"12-hour time: \"{text}\"";
            }

            if (usDates.FirstOrDefault(text.Contains) is { } us)
            {
                yield return $"US date {us}: \"{text}\"";
            }
        }
    }

    /// <summary>Every text the page showed since it loaded.</summary>
    public static async Task<string[]> SeenAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("() => [...(window.__seen ?? [])]");

    // Month first, as en-US writes it; days whose day equals their month read the same either way and are left out.
    private static List<string> UsDatesAround(DateTime now) =>
        Enumerable.Range(-40, 81).Select(d => now.Date.AddDays(d)).Where(d => d.Day != d.Month)
            .Select(d => d.ToString("M/d/yyyy", CultureInfo.InvariantCulture)).ToList();

    internal static Dictionary<string, string> Table(string language)
    {
        var path = Path.Combine(RepositoryRoot(), "src", "Senningen.Node", "Common", "Localization", "Texts", language + ".json");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))!;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Senningen.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository: the texts tables cannot be found.");
    }
}

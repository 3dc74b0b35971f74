using System.Text;

namespace Senningen.Core.Tests.Treaty;

/// <summary>Builds a small valid mission file, so each broken-file test changes exactly one thing.</summary>
internal static class MissionYaml
{
    public const string FileName = "test-mission.yaml";

    private const string Text = "{nl: t, fr: t, de: t, en: t}";

    /// <summary>The legal basis line every generated rule has, so a test can remove or replace it.</summary>
    public const string LegalBasisLine = "    legalBasis: " + LegalBasis + "\n";

    private const string LegalBasis = "{nl: \"Art. 1 test\", fr: \"Art. 1 essai\", de: \"Art. 1 Test\", en: \"Art. 1 test\"}";

    private static readonly (string Acting, string Host)[] Pairs =
        [("BE", "NL"), ("BE", "LU"), ("NL", "BE"), ("NL", "LU"), ("LU", "BE"), ("LU", "NL")];

    public static string Valid(int skipPairs = 0)
    {
        var yaml = new StringBuilder();
        yaml.Append("id: test-mission\n");
        yaml.Append("name: ").Append(Text).Append('\n');
        yaml.Append("summary: ").Append(Text).Append('\n');
        yaml.Append("rules:\n");
        foreach (var (acting, host) in Pairs.Skip(skipPairs))
        {
            yaml.Append(Rule(acting, host));
        }

        return yaml.ToString();
    }

    public static string Rule(string acting, string host) =>
        $"""
          - acting: {acting}
            host: {host}
            allowed: true
            effectiveFrom: 2023-10-01
            legalBasis: {LegalBasis}
            conditions: []
            notification:
              whom: {Text}
              when: {Text}
              deadline: immediately
            powers:
              weapons: {Text}
              apprehension: {Text}
              useOfForce: {Text}
              mayNot: {Text}
            reporting: {Text}
            verify: false

        """;

    /// <summary>The 1-based line of the first line containing <paramref name="snippet"/>, for asserting positions.</summary>
    public static int LineOf(string yaml, string snippet, int occurrence = 1)
    {
        var lines = yaml.Split('\n');
        var seen = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(snippet, StringComparison.Ordinal) && ++seen == occurrence)
            {
                return i + 1;
            }
        }

        throw new ArgumentException($"'{snippet}' not found {occurrence} time(s)");
    }

    public static string ReplaceFirst(string yaml, string oldValue, string newValue)
    {
        var at = yaml.IndexOf(oldValue, StringComparison.Ordinal);
        return at < 0 ? throw new ArgumentException($"'{oldValue}' not found") : yaml[..at] + newValue + yaml[(at + oldValue.Length)..];
    }
}

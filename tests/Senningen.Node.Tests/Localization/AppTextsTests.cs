using System.Text.Json;
using System.Text.RegularExpressions;

namespace Senningen.Node.Tests.Localization;

/// <summary>
/// The officer's app reads its texts from the same tables as the console: every key its scripts and shell ask for,
/// and every mission kind of the field guide, exists in nl, fr, de and en.
/// </summary>
public sealed partial class AppTextsTests
{
    private static readonly string NodeRoot = Path.Combine(Root(), "src", "Senningen.Node");

    [Fact]
    public void AppKeys_EveryKeyTheAppAsksFor_ExistsInEveryLanguage()
    {
        var app = Path.Combine(NodeRoot, "wwwroot", "app");
        var used = Directory.GetFiles(Path.Combine(app, "js"), "*.js").Select(File.ReadAllText)
            .SelectMany(code => ScriptKey().Matches(code).Select(m => m.Groups["key"].Value))
            .Concat(ShellKey().Matches(File.ReadAllText(Path.Combine(app, "index.html"))).Select(m => m.Groups["key"].Value));
        using var guide = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root(), "data", "app", "field-guide.json")));
        var kinds = guide.RootElement.GetProperty("missionKinds").EnumerateArray().Select(k => $"app.kind.{k.GetProperty("id").GetString()}");
        var keys = used.Concat(kinds).Distinct(StringComparer.Ordinal).ToList();
        keys.Count.ShouldBeGreaterThan(50);

        foreach (var language in new[] { "nl", "fr", "de", "en" })
        {
            var table = JsonSerializer.Deserialize<Dictionary<string, string>>(
                File.ReadAllText(Path.Combine(NodeRoot, "Common", "Localization", "Texts", language + ".json")))!;
            keys.Where(k => !table.ContainsKey(k)).ShouldBeEmpty($"{language}.json lacks keys the app uses");
        }
    }

    // t('key' …) and data-text="key": keys written whole; keys built at run time are checked through their sources above.
    [GeneratedRegex("""\bt\('(?<key>[a-z][\w.-]+)'""")]
    private static partial Regex ScriptKey();

    [GeneratedRegex("""data-text="(?<key>[a-z][\w.-]+)"|'data-text': '(?<key>[a-z][\w.-]+)'""")]
    private static partial Regex ShellKey();

    private static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Senningen.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Senningen.slnx not found above the test binaries.");
    }
}

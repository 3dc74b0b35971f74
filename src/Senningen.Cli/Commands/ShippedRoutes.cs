using System.Diagnostics.CodeAnalysis;
using Senningen.Core.Operations;

namespace Senningen.Cli.Commands;

/// <summary>The routes shipped next to the binary (<c>routes/*.json</c>, copied from <c>data/routes</c>), or a route file.</summary>
internal static class ShippedRoutes
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "routes");

    public static IReadOnlyList<string> Names() =>
        System.IO.Directory.Exists(Directory)
            ? [.. System.IO.Directory.EnumerateFiles(Directory, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)]
            : [];

    /// <summary>A shipped route by name (any case), or a file when the text names one; otherwise a usage error that lists the names.</summary>
    public static bool TryLoad(string text, [NotNullWhen(true)] out PursuitRoute? route, [NotNullWhen(false)] out CliError? error)
    {
        route = null;
        var looksLikeFile = text.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || text.Contains('/', StringComparison.Ordinal) ||
                            text.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || File.Exists(text);
        string path;
        if (looksLikeFile)
        {
            path = text;
            if (!File.Exists(path))
            {
                error = CliError.Usage($"route file '{text}' not found");
                return false;
            }
        }
        else
        {
            var names = Names();
            var name = names.FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                error = CliError.Usage($"unknown route '{text}'; expected one of {string.Join(", ", names)}, or a route file (.json)");
                return false;
            }

            path = Path.Combine(Directory, name + ".json");
        }

        var parsed = RouteFile.Parse(File.ReadAllText(path));
        if (!parsed.IsSuccess)
        {
            error = CliError.Usage($"route file '{text}': {parsed.Problem}");
            return false;
        }

        route = parsed.Route;
        error = null;
        return true;
    }
}

using Senningen.Core.Treaty;

namespace Senningen.Core.Tests.Treaty;

/// <summary>Reads the real catalogue from the repository's treaty/ folder (tests do the I/O, Core does not).</summary>
internal static class TreatyFiles
{
    private static readonly Lazy<TreatyParseResult> Parsed = new(() => TreatyCatalogueParser.Parse(Load()));

    public static TreatyParseResult Result => Parsed.Value;

    public static TreatyCatalogue Catalogue =>
        Result.Catalogue ?? throw new InvalidOperationException(string.Join(Environment.NewLine, Result.Problems));

    public static IReadOnlyList<TreatySource> Load()
    {
        var folder = Path.Combine(RepositoryRoot(), "treaty");
        return [.. Directory.GetFiles(folder, "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(path => new TreatySource(Path.GetFileName(path), File.ReadAllText(path)))];
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Senningen.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No folder containing Senningen.slnx above " + AppContext.BaseDirectory);
    }
}

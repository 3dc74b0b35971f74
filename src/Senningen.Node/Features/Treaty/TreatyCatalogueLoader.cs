using Senningen.Core.Treaty;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Features.Treaty;

/// <summary>Reads the catalogue files at start; a broken file stops the node, naming file and line.</summary>
internal static class TreatyCatalogueLoader
{
    public const string DirectoryKey = "Senningen:Treaty:Directory";

    public static TreatyCatalogue Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new ConfigurationProblemException([$"{DirectoryKey} = '{directory}' does not exist: the treaty catalogue cannot be loaded."]);
        }

        var sources = Directory.EnumerateFiles(directory, "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(path => new TreatySource(Path.GetFileName(path), File.ReadAllText(path)))
            .ToList();
        if (sources.Count == 0)
        {
            throw new ConfigurationProblemException([$"{DirectoryKey} = '{directory}' holds no *.yaml file: the treaty catalogue is empty."]);
        }

        var result = TreatyCatalogueParser.Parse(sources);
        if (!result.IsSuccess)
        {
            throw new ConfigurationProblemException(
                [.. result.Problems.Select(p => $"treaty catalogue: {Path.Combine(directory, p.FileName)}, line {p.Line}, column {p.Column}: {p.Message}")]);
        }

        return result.Catalogue!;
    }
}

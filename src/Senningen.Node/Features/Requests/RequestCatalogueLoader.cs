using Senningen.Core.Requests;
using Senningen.Core.Treaty;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Features.Requests;

/// <summary>Reads <c>treaty/requests/</c> at start; a broken file stops the node, naming file, line and rule.</summary>
internal static class RequestCatalogueLoader
{
    public static RequestCatalogue Load(string directory, TreatyCatalogue treaty)
    {
        if (!Directory.Exists(directory))
        {
            throw new ConfigurationProblemException([$"{RequestsSettings.SectionName}:Directory = '{directory}' does not exist: the request types cannot be loaded."]);
        }

        var sources = Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal)
            .Select(path => new TreatySource(Path.GetFileName(path), File.ReadAllText(path))).ToList();
        var result = RequestCatalogueParser.Parse(sources, [.. treaty.MissionTypes.Select(m => m.Id)]);
        return result.Catalogue ?? throw new ConfigurationProblemException(
            [.. result.Problems.Select(p => $"request catalogue: {Path.Combine(directory, p.FileName)}, line {p.Line}, column {p.Column}: {p.Message}")]);
    }
}

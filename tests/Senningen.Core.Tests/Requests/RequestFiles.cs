using Senningen.Core.Requests;
using Senningen.Core.Tests.Treaty;
using Senningen.Core.Treaty;

namespace Senningen.Core.Tests.Requests;

/// <summary>Reads the shipped treaty/requests/ files, as the node does, against the shipped catalogue's missions.</summary>
internal static class RequestFiles
{
    private static readonly Lazy<RequestCatalogue> Parsed = new(() =>
    {
        var result = Parse(Load());
        return result.Catalogue ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Problems));
    });

    public static RequestCatalogue Catalogue => Parsed.Value;

    public static List<TreatySource> Load() =>
        [.. Directory.GetFiles(Path.Combine(TreatyFiles.RepositoryRoot(), "treaty", "requests"), "*.yaml").Order(StringComparer.Ordinal)
            .Select(path => new TreatySource(Path.GetFileName(path), File.ReadAllText(path)))];

    public static RequestParseResult Parse(IEnumerable<TreatySource> sources) =>
        RequestCatalogueParser.Parse(sources, [.. TreatyFiles.Catalogue.MissionTypes.Select(m => m.Id)]);
}

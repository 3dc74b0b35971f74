using System.Text.RegularExpressions;
using Senningen.Core.Countries;
using Senningen.Core.Treaty;
using YamlDotNet.RepresentationModel;

namespace Senningen.Core.Requests;

/// <summary>The liaison directory of <c>liaison-officers.yaml</c>: who is posted where, speaking what, and when available.</summary>
public static partial class RequestCatalogueParser
{
    private static readonly string[] OfficerKeys = ["id", "name", "postingCountry", "hostCountry", "regions", "languages", "availability"];

    private static void ReadOfficers(YamlMappingNode root, ProblemSink sink, List<LiaisonOfficer> officers)
    {
        var file = new MappingReader(root, "file", sink, ["synthetic", "officers"]);
        if (file.Bool("synthetic") is null)
        {
            return;
        }

        foreach (var (node, i) in (file.Sequence("officers")?.Children ?? []).Select((n, i) => (n, i)))
        {
            if (Mapping(node, $"officers[{i}]", sink, OfficerKeys) is not { } r)
            {
                continue;
            }

            var before = sink.Count;
            var id = r.String("id");
            var name = r.String("name");
            var posting = r.String("postingCountry");
            if (!CountryCode.TryParseParty(posting, out var postingCountry))
            {
                sink.Add(r.Get("postingCountry", false) ?? r.Node, $"{r.Context}: postingCountry must be BE, NL or LU");
            }

            var host = r.String("hostCountry");
            if (host is not null && !IsoCountry().IsMatch(host))
            {
                sink.Add(r.Get("hostCountry", false)!, $"{r.Context}: hostCountry must be an ISO 3166 alpha-2 code like MA");
            }

            var languages = Strings(r, "languages", required: true);
            var availability = Enumerated<LiaisonAvailability>(r, "availability", required: true);
            if (sink.Count == before)
            {
                officers.Add(new LiaisonOfficer(id!, name!, postingCountry, host!, Strings(r, "regions", required: false), languages, availability!.Value));
            }
        }
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex IsoCountry();
}

using Senningen.Core.Countries;
using Senningen.Core.Treaty;
using YamlDotNet.RepresentationModel;

namespace Senningen.Core.Requests;

/// <summary>The authorities of <c>authorities.yaml</c>: per party, its single point of contact and who receives which types.</summary>
public static partial class RequestCatalogueParser
{
    private static readonly string[] AuthorityKeys = ["id", "name", "placeholder", "types", "urgencies", "regions"];

    private static void ReadAuthorities(YamlMappingNode root, ProblemSink sink, List<RequestType> types, List<Authority> spocs, List<Authority> authorities)
    {
        var list = new MappingReader(root, "file", sink, ["countries"]).Sequence("countries");
        foreach (var (node, i) in (list?.Children ?? []).Select((n, i) => (n, i)))
        {
            if (Mapping(node, $"countries[{i}]", sink, ["country", "spoc", "authorities"]) is not { } r)
            {
                continue;
            }

            var text = r.String("country");
            if (!CountryCode.TryParseParty(text, out var country))
            {
                sink.Add(r.Get("country", false) ?? r.Node, $"countries[{i}]: country must be BE, NL or LU, found '{text}'");
                continue;
            }

            if (r.Mapping("spoc", AuthorityKeys) is { } spoc && ReadAuthority(spoc, country, types, sink) is { } s)
            {
                spocs.Add(s);
            }

            foreach (var a in r.Sequence("authorities")?.Children ?? [])
            {
                if (Mapping(a, $"{r.Context}.authorities", sink, AuthorityKeys) is { } ar && ReadAuthority(ar, country, types, sink) is { } authority)
                {
                    authorities.Add(authority);
                }
            }
        }

        foreach (var missing in CountryCode.TreatyParties.Where(p => spocs.All(s => s.Country != p)))
        {
            sink.Add(root, $"countries: {missing} has no spoc; every party needs its single point of contact");
        }
    }

    private static Authority? ReadAuthority(MappingReader r, CountryCode country, List<RequestType> types, ProblemSink sink)
    {
        var before = sink.Count;
        var id = r.String("id");
        var name = r.Text("name");
        var typeIds = Strings(r, "types", required: false);
        foreach (var unknown in typeIds.Where(t => types.All(x => x.Id != t)))
        {
            sink.Add(r.Get("types", false)!, $"{r.Context}: type '{unknown}' is not in {TypesFile}");
        }

        var urgencies = Strings(r, "urgencies", required: false).Select(u => ParseName<Urgency>(r, "urgencies", u)).ToList();
        return sink.Count > before ? null
            : new Authority(id!, country, name!, Flag(r, "placeholder"), typeIds, [.. urgencies.Select(u => u!.Value)], Strings(r, "regions", required: false));
    }
}

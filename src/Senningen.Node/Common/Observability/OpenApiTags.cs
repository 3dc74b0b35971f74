using Microsoft.OpenApi;

namespace Senningen.Node.Common.Observability;

/// <summary>
/// What each tag of the document covers, for the integrator who meets the API by its tags. A tag an endpoint names that is
/// missing here leaves the document without its description, which the lint test reports.
/// </summary>
internal static class OpenApiTags
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["Node"] = "Who this node is: its country, version, partners and the public key partners check its signatures with.",
        ["Identity"] = "Tokens for users and national systems (password, refresh), the signed-in user and their language.",
        ["Users"] = "For administrators: this node's users, their roles, national authorisations, external identities and sessions. Audited.",
        ["Exchange"] = "The signed, receipted exchange between partner nodes: the inbox partners deliver to, and its monitoring.",
        ["Audit"] = "The hash-chained audit log as a Merkle tree: search, export, proofs, signed tree heads and partners' witness confirmations.",
        ["Treaty catalogue"] = "The reviewed treaty catalogue: what an officer of one country may do in another, and under which conditions.",
        ["Geo"] = "Where a point is: country, control-room zone, talk groups and distance to the border; zones and the offline base map.",
        ["Operations"] = "Pursuits, observations, escorts and transports: positions, border crossings and the alerts partners receive.",
        ["ANPR"] = "Number-plate recognition: cameras, batches of reads, the hotlist, hits and searches of stored reads under the node's law.",
        ["Registry"] = "The reference registry of this node's country (synthetic data for tests and demonstrations).",
        ["Consultation"] = "Searches of partners' registers (persons, vehicles, documents, records) in a treaty context, and their log for the DPO.",
        ["Requests"] = "Cooperation requests between the partners through their workflow, and the liaison officers' directory.",
        ["Retention"] = "For the data-protection officer: holds that keep named records past their retention period. Audited.",
        ["Statistics"] = "The figures a national desk reports under art. 18 of Directive (EU) 2023/977, as JSON or CSV. Audited.",
        ["Officer's app"] = "The officer's offline app: its texts and the bundle (guide, contacts, phrases) it keeps on the device.",
    };

    public static void Describe(OpenApiDocument document)
    {
        var names = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name).OfType<string>()
            .Concat(document.Tags?.Select(t => t.Name).OfType<string>() ?? []).ToHashSet(StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(names.Order(StringComparer.Ordinal).Select(name => new OpenApiTag
        {
            Name = name,
            Description = Descriptions.GetValueOrDefault(name),
        }));
    }
}

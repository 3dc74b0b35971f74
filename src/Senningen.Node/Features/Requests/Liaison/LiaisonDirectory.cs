using System.Text.RegularExpressions;
using Senningen.Contracts.Requests;
using Senningen.Core.Requests;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Requests.Liaison;

/// <summary>
/// The Benelux liaison directory, shared by the API and the console: everybody (optionally for one host country or
/// language), or, for a host country, who of the other Benelux countries can help this node's officers there (joint use).
/// </summary>
internal sealed partial class LiaisonDirectory(RequestCatalogue catalogue, NodeSettings node, Texts texts)
{
    public RequestOutcome<IReadOnlyList<LiaisonOfficerView>> List(string? host, string? language)
    {
        var v = new RequestValidator(texts);
        Check(v, host, language, hostRequired: false);
        if (v.HasErrors)
        {
            return RequestOutcome<IReadOnlyList<LiaisonOfficerView>>.Invalid(v.Errors);
        }

        IReadOnlyList<LiaisonOfficerView> officers = [.. catalogue.LiaisonOfficers
            .Where(o => host is null || o.HostCountry == host || o.Regions.Contains(host, StringComparer.Ordinal))
            .Where(o => language is null || o.Languages.Contains(language, StringComparer.Ordinal))
            .OrderBy(o => o.HostCountry, StringComparer.Ordinal).ThenBy(o => o.PostingCountry.Value, StringComparer.Ordinal).Select(View)];
        return RequestOutcome<IReadOnlyList<LiaisonOfficerView>>.Ok(officers);
    }

    public RequestOutcome<LiaisonProposalView> Propose(string? host, string? language)
    {
        var v = new RequestValidator(texts);
        Check(v, host, language, hostRequired: true);
        if (v.HasErrors)
        {
            return RequestOutcome<LiaisonProposalView>.Invalid(v.Errors);
        }

        return RequestOutcome<LiaisonProposalView>.Ok(new LiaisonProposalView(host!, catalogue.HasOwnOfficer(node.Country, host!),
            [.. catalogue.Propose(node.Country, host!, language).Select(View)]));
    }

    public static LiaisonOfficerView View(LiaisonOfficer o) =>
        new(o.Id, o.Name, o.PostingCountry.Value, o.HostCountry, o.Regions, o.Languages, o.Availability.ToString().ToLowerInvariant());

    private static void Check(RequestValidator v, string? host, string? language, bool hostRequired)
    {
        if ((!hostRequired || v.Required("host", host)) && host is not null && !Iso().IsMatch(host))
        {
            v.Add("host", Rules.Format, "request.rule.iso-country");
        }

        if (language is not null && !Language().IsMatch(language))
        {
            v.Add("language", Rules.Format, "request.rule.iso-language");
        }
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex Iso();

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex Language();
}

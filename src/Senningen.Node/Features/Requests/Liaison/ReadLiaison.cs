using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Requests;
using Senningen.Core.Requests;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Requests.Liaison;

/// <summary>
/// <c>GET /api/v1/liaison/officers</c> (the Benelux liaison directory, optionally for one host country or language) and
/// <c>GET /api/v1/liaison/proposals</c> (joint use: who of the other Benelux countries can help this node's officers).
/// </summary>
internal static partial class ReadLiaison
{
    public static Results<Ok<IReadOnlyList<LiaisonOfficerView>>, ProblemHttpResult> Directory(string? host, string? language, RequestCatalogue catalogue,
        Texts texts)
    {
        var v = new RequestValidator(texts);
        Check(v, host, language, hostRequired: false);
        if (v.HasErrors)
        {
            return v.Problem();
        }

        IReadOnlyList<LiaisonOfficerView> officers = [.. catalogue.LiaisonOfficers
            .Where(o => host is null || o.HostCountry == host || o.Regions.Contains(host, StringComparer.Ordinal))
            .Where(o => language is null || o.Languages.Contains(language, StringComparer.Ordinal))
            .OrderBy(o => o.HostCountry, StringComparer.Ordinal).ThenBy(o => o.PostingCountry.Value, StringComparer.Ordinal).Select(View)];
        return TypedResults.Ok(officers);
    }

    public static Results<Ok<LiaisonProposalView>, ProblemHttpResult> Propose(string? host, string? language, RequestCatalogue catalogue,
        NodeSettings node, Texts texts)
    {
        var v = new RequestValidator(texts);
        Check(v, host, language, hostRequired: true);
        if (v.HasErrors)
        {
            return v.Problem();
        }

        return TypedResults.Ok(new LiaisonProposalView(host!, catalogue.HasOwnOfficer(node.Country, host!),
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

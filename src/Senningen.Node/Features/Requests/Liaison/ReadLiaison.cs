using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Requests;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Requests.Liaison;

/// <summary>
/// <c>GET /api/v1/liaison/officers</c> (the Benelux liaison directory, optionally for one host country or language) and
/// <c>GET /api/v1/liaison/proposals</c> (joint use: who of the other Benelux countries can help this node's officers).
/// </summary>
internal static class ReadLiaison
{
    public static Results<Ok<IReadOnlyList<LiaisonOfficerView>>, ProblemHttpResult> Directory(string? host, string? language, LiaisonDirectory directory,
        Texts texts)
    {
        var outcome = directory.List(host, language);
        return outcome.Value is { } officers ? TypedResults.Ok(officers) : RequestProblems.For(texts, outcome);
    }

    public static Results<Ok<LiaisonProposalView>, ProblemHttpResult> Propose(string? host, string? language, LiaisonDirectory directory, Texts texts)
    {
        var outcome = directory.Propose(host, language);
        return outcome.Value is { } proposal ? TypedResults.Ok(proposal) : RequestProblems.For(texts, outcome);
    }
}

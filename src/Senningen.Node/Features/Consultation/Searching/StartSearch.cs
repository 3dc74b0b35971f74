using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Consultation;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Features.Consultation.Messages;

namespace Senningen.Node.Features.Consultation.Searching;

/// <summary>
/// <c>POST /api/v1/consultation/searches</c>: checks the request (400 naming field and rule), refuses a named partner
/// the context is not allowed for (403 naming the catalogue rule), then sends the query to every partner asked in one
/// unit of work with the search and its audit entry, and answers 202 with the search to follow. On a refusal nothing
/// leaves the node. The partners' answers arrive as messages (<see cref="AnswerHandler"/>).
/// </summary>
internal static class StartSearch
{
    public static async Task<Results<Accepted<ConsultationSearchView>, ProblemHttpResult>> HandleAsync(ConsultationSearchRequest? request,
        ConsultationSearches searches, Texts texts, CancellationToken ct)
    {
        var outcome = await searches.StartAsync(request, ct);
        if (outcome.Search is { } search)
        {
            return TypedResults.Accepted($"/api/v1/consultation/searches/{search.Id}", search);
        }

        if (outcome.Refusal is not { } refusal)
        {
            return Problems.Validation(texts, outcome.Errors);
        }

        return Problems.Create(texts, StatusCodes.Status403Forbidden, refusal.Rule, refusal.Message,
            new Dictionary<string, object?> { ["rule"] = refusal.Rule, ["errors"] = new[] { refusal } });
    }
}

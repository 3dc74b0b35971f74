using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Consultation;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Consultation.Searching;

/// <summary>
/// <c>GET /api/v1/consultation/searches/{id}</c>: the search and each partner's state (waiting until the deadline,
/// answered, or no-answer after it). A search belongs to the unit of the officer who started it: outside the reader's
/// reach (need to know) it is a 404 like a missing one, with an audited denial; every read that shows records is audited once
/// with them (<see cref="ConsultationSearches.FindAsync"/>).
/// </summary>
internal static class ReadSearch
{
    public static async Task<Results<Ok<ConsultationSearchView>, ProblemHttpResult>> HandleAsync(Guid id, ConsultationSearches searches, Texts texts,
        CancellationToken ct) =>
        await searches.FindAsync(id, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound(texts, "consultation search");
}

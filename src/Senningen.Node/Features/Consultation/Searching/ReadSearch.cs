using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Consultation;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Consultation.Searching;

/// <summary>
/// <c>GET /api/v1/consultation/searches/{id}</c>: the search and each partner's state (waiting until the deadline,
/// answered, or no-answer after it). Only the officer who searched may read it; every read that shows records is
/// audited with them (<see cref="ConsultationSearches.FindAsync"/>).
/// </summary>
internal static class ReadSearch
{
    public static async Task<Results<Ok<ConsultationSearchView>, ProblemHttpResult>> HandleAsync(Guid id, ConsultationSearches searches, Texts texts,
        CancellationToken ct) =>
        await searches.FindAsync(id, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound(texts, "consultation search");
}

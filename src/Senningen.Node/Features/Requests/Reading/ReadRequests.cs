using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Requests;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Paging;

namespace Senningen.Node.Features.Requests.Reading;

/// <summary>
/// <c>GET /api/v1/requests</c> (inbox and outbox with filters), <c>GET /api/v1/requests/{id}</c> (detail with timeline,
/// audited: the fields hold personal data), <c>GET /api/v1/requests/crisis/open</c> (what the control rooms must see)
/// and <c>GET /api/v1/requests/types</c>: thin adapters over <see cref="RequestReading"/>.
/// </summary>
internal static class ReadRequests
{
    public static async Task<Results<Ok<IReadOnlyList<RequestSummary>>, ProblemHttpResult>> ListAsync([AsParameters] RequestFilter filter,
        RequestReading reading, Texts texts, HttpContext http, CancellationToken ct)
    {
        var outcome = await reading.ListAsync(filter, audited: true, ct, PageRequest.Of(http, RequestReading.ListDefault));
        return outcome.Value is { } list ? TypedResults.Ok(list) : RequestProblems.For(texts, outcome);
    }

    public static async Task<Results<Ok<RequestView>, ProblemHttpResult>> GetAsync(Guid id, RequestReading reading, Texts texts, CancellationToken ct) =>
        await reading.ReadAsync(id, RequestReadBy.Api, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound(texts, texts["request.noun"]);

    /// <summary>Crisis requests to this node that nobody acknowledged yet and the caller may read, oldest first (audited when any).</summary>
    public static async Task<Ok<IReadOnlyList<RequestSummary>>> OpenCrisisAsync(RequestReading reading, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await reading.OpenCrisisAsync(new HashSet<Guid>(), ct, PageRequest.Of(http, RequestReading.ListDefault)));

    /// <summary>The request types and their forms, for the new-request wizard.</summary>
    public static Ok<IReadOnlyList<RequestTypeView>> Types(RequestReading reading) => TypedResults.Ok(reading.Types());
}

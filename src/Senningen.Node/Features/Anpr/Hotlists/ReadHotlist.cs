using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Anpr;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Paging;

namespace Senningen.Node.Features.Anpr.Hotlists;

/// <summary>
/// <c>GET /api/v1/anpr/hotlist</c> (filters: plate, category, owner; newest change first; audited, as the list holds personal
/// data) and <c>DELETE …/{id}</c>.
/// </summary>
internal static class ReadHotlist
{
    public static async Task<Results<Ok<List<HotlistEntryView>>, ProblemHttpResult>> ListAsync([AsParameters] HotlistFilter filter,
        HotlistReader reader, Texts texts, HttpContext http, CancellationToken ct)
    {
        var outcome = await reader.ListAsync(filter, PageRequest.Of(http, HotlistReader.ListDefault), ct);
        return outcome.Entries is { } entries ? TypedResults.Ok(entries) : Problems.Validation(texts, outcome.Errors);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, HotlistRemoval removal, Texts texts, CancellationToken ct) =>
        await removal.RemoveAsync(id, ct) ? TypedResults.NoContent() : Problems.NotFound(texts, texts["anpr.hotlist-entry"]);
}

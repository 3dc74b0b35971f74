using Microsoft.EntityFrameworkCore;
using Senningen.Core.Requests;
using Senningen.Core.Statistics;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Requests.Data;

namespace Senningen.Node.Features.Requests.Public;

/// <summary>
/// The facts of Directive (EU) 2023/977, art. 18 for the requests under the Directive (the types whose legal basis names it)
/// that had anything happen in [from, until) or a deadline in it: sides, countries, urgency, the instants of receipt, answer,
/// refusal and withdrawal from the timeline, the refusal ground and the declared judicial authorisation. No field values,
/// names or references leave this class, so the statistics carry no personal data; need to know does not narrow them,
/// because the desk reports the whole node's figures.
/// </summary>
internal sealed class RequestStatisticsFacts(SenningenDbContext db, RequestCatalogue catalogue)
{
    private static readonly string[] Steps = [RequestNames.Of(RequestAction.Receive), RequestNames.Of(RequestAction.Complete),
        RequestNames.Of(RequestAction.Refuse), RequestNames.Of(RequestAction.Withdraw)];

    /// <summary>The request types under the Directive, read from their legal basis in the catalogue rather than listed here.</summary>
    public IReadOnlyList<string> DirectiveTypes { get; } =
        [.. catalogue.Types.Where(t => t.LegalBasis?.En.Contains("2023/977", StringComparison.Ordinal) == true).Select(t => t.Id)];

    public async Task<IReadOnlyList<RequestFacts>> ReadAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken ct)
    {
        var types = DirectiveTypes;
        // Anything that happened in the window moved UpdatedAt to it or later; a deadline that passed in it without a step is caught by AnswerBy.
        var requests = db.Requests.AsNoTracking()
            .Where(r => types.Contains(r.Type) && r.SubmittedAt != null && r.SubmittedAt < until && (r.UpdatedAt >= from || (r.AnswerBy != null && r.AnswerBy >= from)));
        var rows = await requests.Select(r => new
            {
                r.Id, r.Side, r.RequestingCountry, r.RequestedCountry, r.Urgency, r.SubmittedAt, r.AnswerBy, r.ExpectedBy, r.RefusalGround,
                r.JudicialAuthorisation,
            })
            .ToListAsync(ct);
        var steps = (await db.RequestEvents.AsNoTracking()
                .Where(e => Steps.Contains(e.Action) && requests.Any(r => r.Id == e.RequestId && r.Side == RequestSide.Requested))
                .Select(e => new { e.RequestId, e.Action, e.At })
                .ToListAsync(ct))
            .GroupBy(e => e.RequestId)
            .ToDictionary(g => g.Key, g => g.GroupBy(e => e.Action).ToDictionary(a => a.Key, a => a.Min(e => e.At), StringComparer.Ordinal));

        return [.. rows.Select(r =>
        {
            var at = steps.GetValueOrDefault(r.Id);
            DateTimeOffset? Step(RequestAction action) => at?.TryGetValue(RequestNames.Of(action), out var t) == true ? t : null;
            // A refusal before grounds were recorded, or by the node itself, has none: counted as unspecified.
            var ground = RefusalGrounds.TryParse(r.RefusalGround, out var given) ? given : RefusalGround.Unspecified;
            return new RequestFacts(r.Side, r.RequestingCountry, r.RequestedCountry, r.Urgency, r.SubmittedAt, Step(RequestAction.Receive),
                Step(RequestAction.Complete), Step(RequestAction.Refuse), ground, Step(RequestAction.Withdraw), r.AnswerBy, r.JudicialAuthorisation,
                r.JudicialAuthorisation && r.ExpectedBy is { } by && r.AnswerBy is { } answerBy ? by - answerBy : null);
        })];
    }
}

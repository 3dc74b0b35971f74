using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Requests;
using Senningen.Core.Requests;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Requests.Data;

namespace Senningen.Node.Features.Requests.Reading;

/// <summary>
/// <c>GET /api/v1/requests</c> (inbox and outbox with filters), <c>GET /api/v1/requests/{id}</c> (detail with timeline,
/// audited: the fields hold personal data) and <c>GET /api/v1/requests/crisis/open</c> (what the control rooms must see).
/// </summary>
internal static class ReadRequests
{
    public static async Task<Results<Ok<IReadOnlyList<RequestSummary>>, ProblemHttpResult>> ListAsync(string? box, string? state, string? type,
        string? urgency, bool? overdue, SenningenDbContext db, RequestReader reader, RequestCatalogue catalogue, Texts texts, TimeProvider clock,
        CancellationToken ct)
    {
        var v = new RequestValidator(texts);
        v.OneOf("box", box, ["inbox", "outbox"]);
        v.OneOf("state", state, RequestNames.All<RequestState>());
        v.OneOf("type", type, [.. catalogue.Types.Select(t => t.Id)]);
        v.OneOf("urgency", urgency, RequestNames.All<Urgency>());
        if (v.HasErrors)
        {
            return v.Problem();
        }

        var query = db.Requests.AsNoTracking();
        if (box is not null)
        {
            var side = RequestNames.Of(box == "inbox" ? RequestSide.Requested : RequestSide.Requesting);
            query = query.Where(r => r.Side == side);
        }

        query = state is null ? query : query.Where(r => r.State == state);
        query = type is null ? query : query.Where(r => r.Type == type);
        query = urgency is null ? query : query.Where(r => r.Urgency == urgency);
        if (overdue == true)
        {
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            query = query.Where(r => r.ClockRunning && r.AnswerByMs < now);
        }

        var rows = await query.OrderByDescending(r => r.CreatedAtMs).Take(500).ToListAsync(ct);
        var language = Texts.CurrentLanguage;
        // Crisis first: they are what a desk must act on before anything else.
        IReadOnlyList<RequestSummary> list = [.. rows.OrderByDescending(r => r.Urgency == "crisis" && r.ClockRunning).Select(r => reader.Summary(r, language))];
        return TypedResults.Ok(list);
    }

    public static async Task<Results<Ok<RequestView>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, SenningenDbContext db, RequestReader reader,
        AuditLog audit, Texts texts, CancellationToken ct)
    {
        var request = await db.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return Problems.NotFound(texts, texts["request.noun"]);
        }

        await audit.WriteAsync(new AuditRecord(AuditActions.RequestRead, AuditOutcomes.Success, [$"request:{id}"], CaseReference: request.CaseReference,
            Detail: $"{request.Reference} {request.Type}"), cancellationToken: ct);
        return TypedResults.Ok(await reader.ViewAsync(request, http.User, Texts.CurrentLanguage, ct));
    }

    /// <summary>Crisis requests to this node that nobody acknowledged yet, oldest first: the banner on every control-room console.</summary>
    public static async Task<Ok<IReadOnlyList<RequestSummary>>> OpenCrisisAsync(SenningenDbContext db, RequestReader reader, CancellationToken ct)
    {
        var requested = RequestNames.Of(RequestSide.Requested);
        var crisis = RequestNames.Of(Urgency.Crisis);
        var rows = await db.Requests.AsNoTracking()
            .Where(r => r.Side == requested && r.Urgency == crisis && r.AcknowledgedAtMs == null && r.ClockRunning)
            .OrderBy(r => r.SubmittedAtMs).ToListAsync(ct);
        IReadOnlyList<RequestSummary> list = [.. rows.Select(r => reader.Summary(r, Texts.CurrentLanguage))];
        return TypedResults.Ok(list);
    }

    /// <summary>The request types and their forms, for the new-request wizard.</summary>
    public static Ok<IReadOnlyList<RequestTypeView>> Types(RequestCatalogue catalogue, Core.Treaty.TreatyCatalogue treaty)
    {
        var language = Texts.CurrentLanguage;
        IReadOnlyList<RequestTypeView> types = [.. catalogue.Types.Select(t => new RequestTypeView(t.Id, t.Name.Get(language), t.Mission,
            t.Mission is { } m ? treaty.FindMissionType(m)?.Name.Get(language) ?? m : t.LegalBasis?.Get(language) ?? "",
            [.. t.Urgencies.Select(RequestNames.Of)], t.IsCrisis, t.CopySpoc, t.JointUse, t.Onward is not null,
            [.. t.Fields.Select(f => new FieldDefinitionView(f.Name, Kind(f.Kind), f.Mandatory, f.Label.Get(language), f.MaxLength, f.Min, f.Max,
                [.. f.Choices.Select(c => new ChoiceView(c.Value, c.Label.Get(language)))], f.NotBefore, f.MustBeTrue))]))];
        return TypedResults.Ok(types);
    }

    private static string Kind(FieldKind kind) => kind switch
    {
        FieldKind.LongText => "long-text",
        FieldKind.DateTime => "date-time",
        _ => kind.ToString().ToLowerInvariant(),
    };
}

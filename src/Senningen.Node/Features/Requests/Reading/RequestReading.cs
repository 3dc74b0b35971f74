using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Requests;
using Senningen.Core.Access;
using Senningen.Core.Requests;
using Senningen.Core.Treaty;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Paging;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Requests.Data;

namespace Senningen.Node.Features.Requests.Reading;

/// <summary>The inbox and outbox filters, as the query string names them.</summary>
internal sealed record RequestFilter(
    [FromQuery(Name = "box")] string? Box = null,
    [FromQuery(Name = "state")] string? State = null,
    [FromQuery(Name = "type")] string? Type = null,
    [FromQuery(Name = "urgency")] string? Urgency = null,
    [FromQuery(Name = "overdue")] bool? Overdue = null);

/// <summary>Who read a request's personal data, which the "request read" audit entry tells apart in its detail.</summary>
internal enum RequestReadBy
{
    Api,
    Console,
    ApiForm,
    PrintPage,
}

/// <summary>
/// Reading requests, shared by the API and the console: the filtered list, the crisis banner, the request types, and
/// one request or its printable form, whose reads are audited here and nowhere else.
/// </summary>
internal sealed class RequestReading(SenningenDbContext db, RequestReader reader, RequestAccess access, RequestCatalogue catalogue, TreatyCatalogue treaty,
    AuditLog audit, Texts texts, TimeProvider clock)
{
    /// <summary>
    /// The inbox or outbox of the requests the officer may read, crisis first, then newest; or the filters that are not
    /// valid (400). The list shows personal data (case references, names): <paramref name="audited"/> writes one entry
    /// naming what it showed; a console reloading a view it already audited passes false.
    /// </summary>
    public async Task<RequestOutcome<IReadOnlyList<RequestSummary>>> ListAsync(RequestFilter filter, bool audited, CancellationToken ct,
        PageRequest? page = null)
    {
        var v = new RequestValidator(texts);
        v.OneOf("box", filter.Box, ["inbox", "outbox"]);
        v.OneOf("state", filter.State, RequestNames.All<RequestState>());
        v.OneOf("type", filter.Type, [.. catalogue.Types.Select(t => t.Id)]);
        v.OneOf("urgency", filter.Urgency, RequestNames.All<Urgency>());
        if (v.HasErrors)
        {
            return RequestOutcome<IReadOnlyList<RequestSummary>>.Invalid(v.Errors);
        }

        var query = access.Readable(db.Requests.AsNoTracking());
        if (filter.Box is { } box)
        {
            var side = box == "inbox" ? RequestSide.Requested : RequestSide.Requesting;
            query = query.Where(r => r.Side == side);
        }

        if (filter.State is { } stateName)
        {
            var state = RequestNames.Parse<RequestState>(stateName);
            query = query.Where(r => r.State == state);
        }

        query = filter.Type is { } type ? query.Where(r => r.Type == type) : query;
        if (filter.Urgency is { } urgencyName)
        {
            var urgency = RequestNames.Parse<Urgency>(urgencyName);
            query = query.Where(r => r.Urgency == urgency);
        }

        if (filter.Overdue == true)
        {
            var now = clock.GetUtcNow();
            query = query.Where(r => r.ClockRunning && r.AnswerBy < now);
        }

        var rows = await query.PageBy(page ?? PageRequest.First(ListDefault), newestFirst: true, r => r.CreatedAt, r => r.Id).ToListAsync(ct);
        var shown = Math.Min(rows.Count, page?.Limit ?? ListDefault);
        var language = Texts.CurrentLanguage;
        // Crisis first within a page: what a desk must act on before anything else. The keyset stays (created, id), newest
        // first, because a request leaves the crisis group when its clock stops, and a walk must not lose or repeat it.
        var summaries = rows.Take(shown).OrderByDescending(r => r.Urgency == Urgency.Crisis && r.ClockRunning).Select(r => reader.Summary(r, language)).ToList();
        if (audited)
        {
            await AuditListAsync(summaries, $"list box={filter.Box ?? "all"} state={filter.State ?? "any"} type={filter.Type ?? "any"}", ct);
        }

        // The pager's row past the limit only tells it that more follow: not shown, so not audited, and last.
        IReadOnlyList<RequestSummary> list = page is null ? summaries : [.. summaries, .. rows.Skip(shown).Select(r => reader.Summary(r, language))];

        return RequestOutcome<IReadOnlyList<RequestSummary>>.Ok(list);
    }

    /// <summary>
    /// Crisis requests to this node that nobody acknowledged yet and the officer may read, oldest first: the banner on
    /// every control-room console. Those not in <paramref name="audited"/> are written as read in one entry and added
    /// to it: the API passes an empty set, the banner the ones it showed already, so looking again writes nothing new.
    /// </summary>
    public async Task<IReadOnlyList<RequestSummary>> OpenCrisisAsync(ISet<Guid> audited, CancellationToken ct, PageRequest? page = null)
    {
        ArgumentNullException.ThrowIfNull(audited);
        var rows = await access.Readable(db.Requests.AsNoTracking())
            .Where(r => r.Side == RequestSide.Requested && r.Urgency == Urgency.Crisis && r.AcknowledgedAt == null && r.ClockRunning)
            .PageBy(page ?? PageRequest.First(ListDefault), newestFirst: false, r => r.CreatedAt, r => r.Id).ToListAsync(ct);
        IReadOnlyList<RequestSummary> open = [.. rows.Select(r => reader.Summary(r, Texts.CurrentLanguage))];
        // The pager's row past the limit only tells it that more follow: not shown, so not audited.
        var shownCount = Math.Min(open.Count, page?.Limit ?? ListDefault);
        if (open.Take(shownCount).Where(r => audited.Add(r.Id)).ToList() is { Count: > 0 } shown)
        {
            await AuditListAsync(shown, "open crisis requests", ct);
        }

        return page is null ? [.. open.Take(shownCount)] : open;
    }

    /// <summary>What a list shows when no page is asked for (the console): the bound the lists always kept.</summary>
    public const int ListDefault = 500;

    /// <summary>The request types and their forms, for the new-request wizard and the list's filter.</summary>
    public IReadOnlyList<RequestTypeView> Types()
    {
        var language = Texts.CurrentLanguage;
        return [.. catalogue.Types.Select(t => new RequestTypeView(t.Id, t.Name.Get(language), t.Mission,
            t.Mission is { } m ? treaty.FindMissionType(m)?.Name.Get(language) ?? m : t.LegalBasis?.Get(language) ?? "",
            [.. t.Urgencies.Select(RequestNames.Of)], t.IsCrisis, t.CopySpoc, t.JointUse, t.Onward is not null,
            [.. t.Fields.Select(f => new FieldDefinitionView(f.Name, Kind(f.Kind), f.Mandatory, f.Label.Get(language), f.MaxLength, f.Min, f.Max,
                [.. f.Choices.Select(c => new ChoiceView(c.Value, c.Label.Get(language)))], f.NotBefore, f.MustBeTrue))]))];
    }

    /// <summary>One request with its timeline and the reader's next actions, or null; the read is audited (its fields hold personal data).</summary>
    public async Task<RequestView?> ReadAsync(Guid id, RequestReadBy by, CancellationToken ct)
    {
        if (await FindReadableAsync(id, ct) is not { } request)
        {
            return null;
        }

        await AuditReadAsync(request, by, Texts.CurrentLanguage, ct);
        return await reader.ViewAsync(request, Texts.CurrentLanguage, ct);
    }

    /// <summary>The request again, not audited: a console page refreshing what its reader already opened (or was already refused).</summary>
    public async Task<RequestView?> RefreshAsync(Guid id, CancellationToken ct) =>
        await FindAsync(id, ct) is { } request && access.Allows(request, AccessKind.Read) ? await reader.ViewAsync(request, Texts.CurrentLanguage, ct) : null;

    /// <summary>The printable form in <paramref name="language"/>, or null; audited like the detail: it holds the same personal data.</summary>
    public async Task<RequestFormView?> FormAsync(Guid id, string language, RequestReadBy by, CancellationToken ct)
    {
        if (await FindReadableAsync(id, ct) is not { } request)
        {
            return null;
        }

        await AuditReadAsync(request, by, language, ct);
        var timeline = await reader.TimelineAsync(id, language, ct);
        return RequestForm.Build(request, timeline, reader, texts, language, clock.GetUtcNow());
    }

    private Task<CooperationRequest?> FindAsync(Guid id, CancellationToken ct) => db.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);

    // Another unit's request is answered as a missing one, after one audited denial.
    private async Task<CooperationRequest?> FindReadableAsync(Guid id, CancellationToken ct) =>
        await FindAsync(id, ct) is { } request && await access.CheckAsync(request, AccessKind.Read, ct) ? request : null;

    private Task AuditListAsync(List<RequestSummary> shown, string what, CancellationToken ct) =>
        audit.WriteAsync(new AuditRecord(AuditActions.RequestRead, AuditOutcomes.Success, [.. shown.Select(r => $"request:{r.Id}")],
            Detail: $"{what}: {shown.Count} shown"), cancellationToken: ct);

    // The one place a read of a request's personal data is written to the audit log; each caller says what it showed.
    private async Task AuditReadAsync(CooperationRequest request, RequestReadBy by, string language, CancellationToken ct)
    {
        var detail = by switch
        {
            RequestReadBy.Api => $"{request.Reference} {request.Type}",
            RequestReadBy.Console => $"{request.Reference} {request.Type} (console)",
            RequestReadBy.ApiForm => $"{request.Reference} form ({language})",
            _ => $"{request.Reference} printable form ({language})",
        };
        await audit.WriteAsync(new AuditRecord(AuditActions.RequestRead, AuditOutcomes.Success, [$"request:{request.Id}"],
            CaseReference: request.CaseReference, Detail: detail), cancellationToken: ct);
    }

    private static string Kind(FieldKind kind) => kind switch
    {
        FieldKind.LongText => "long-text",
        FieldKind.DateTime => "date-time",
        _ => kind.ToString().ToLowerInvariant(),
    };
}

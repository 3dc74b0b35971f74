using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Requests;
using Senningen.Core.Requests;
using Senningen.Core.Treaty;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Officers;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Requests.Data;

namespace Senningen.Node.Features.Requests.Reading;

/// <summary>Turns stored requests into what the API and the console show, in the reader's language.</summary>
internal sealed class RequestReader(SenningenDbContext db, RequestCatalogue catalogue, TreatyCatalogue treaty, CurrentOfficer officer, RequestAccess access,
    Texts texts, TimeProvider clock)
{
    /// <summary>The actions a user may offer on a request: what the workflow allows from here for the user's side and roles.</summary>
    private static readonly RequestAction[] UserActions =
    [
        RequestAction.Submit, RequestAction.Acknowledge, RequestAction.AskInformation, RequestAction.SupplyInformation, RequestAction.Accept,
        RequestAction.Refuse, RequestAction.StartExecution, RequestAction.Complete, RequestAction.Archive, RequestAction.Withdraw, RequestAction.DeclareDelay,
    ];

    public RequestSummary Summary(CooperationRequest r, string language)
    {
        var type = catalogue.FindType(r.Type);
        var status = DeadlineStatusOf(r, clock.GetUtcNow());
        var (state, urgency) = (RequestNames.Of(r.State), RequestNames.Of(r.Urgency));
        return new RequestSummary(r.Id, r.Reference, r.Type, type?.Name.Get(language) ?? r.Type, RequestNames.Of(r.Side), r.RequestingCountry.Value,
            r.RequestedCountry.Value, state, texts.Get(language, $"request.state.{state}"), urgency, texts.Get(language, $"request.urgency.{urgency}"),
            r.Urgency == Urgency.Crisis, r.CaseReference, AuthorityName(r.Recipient, language), r.SpocCopy is null ? null : AuthorityName(r.SpocCopy, language),
            r.CreatedAt, r.SubmittedAt, r.AnswerBy, r.AcknowledgeBy, r.AcknowledgedAt, Kebab(status), r.EscalatedAt is not null, r.CreatedBy);
    }

    /// <summary>The request with its timeline, attachments and the actions the current officer may take on it.</summary>
    public async Task<RequestView> ViewAsync(CooperationRequest r, string language, CancellationToken ct)
    {
        var timeline = await TimelineAsync(r.Id, language, ct);
        var attachments = await db.RequestAttachments.AsNoTracking().Where(a => a.RequestId == r.Id).OrderBy(a => a.FileName)
            .Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size)).ToListAsync(ct);
        var roles = officer.Principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        // Someone who may read but not change the request (a DPO) is offered nothing: the step would be refused as not found.
        var actions = !access.Allows(r, Senningen.Core.Access.AccessKind.Change) ? [] : UserActions.Where(a => RequestWorkflow.Decide(r.State, a, r.Side, roles, hasReason: true).IsAllowed)
            .Where(a => a != RequestAction.Acknowledge || r.AcknowledgedAt is null).Select(RequestNames.Of).ToList();
        return new RequestView(Summary(r, language), Fields(r, language), LegalBasis(r, language).Text, ViewOfficer(r), r.DelayReason, r.ExpectedBy,
            timeline, attachments, actions, Common.Handling.HandlingDisplay.View(r.Handling, r.HandlingConditions, texts, language));
    }

    public async Task<IReadOnlyList<RequestEventView>> TimelineAsync(Guid id, string language, CancellationToken ct)
    {
        var events = await db.RequestEvents.AsNoTracking().Where(e => e.RequestId == id).ToListAsync(ct);
        return [.. events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new RequestEventView(e.Id, e.At, e.Action,
            texts.Get(language, $"request.action.{e.Action}"), e.FromState, e.ToState, e.Actor, e.Country, e.Reason))];
    }

    public IReadOnlyList<FieldValueView> Fields(CooperationRequest r, string language)
    {
        var values = JsonSerializer.Deserialize<Dictionary<string, string?>>(r.Fields) ?? [];
        var type = catalogue.FindType(r.Type);
        return type is null ? [] : [.. type.Fields.Where(f => values.ContainsKey(f.Name)).Select(f =>
            new FieldValueView(f.Name, f.Label.Get(language), values[f.Name], Display(f, values[f.Name], language)))];
    }

    public FormLegalBasisView LegalBasis(CooperationRequest r, string language)
    {
        var type = catalogue.FindType(r.Type);
        if (type?.Mission is not { } mission)
        {
            return new FormLegalBasisView(null, null, type?.LegalBasis?.Get(language) ?? "", []);
        }

        var (acting, host) = type.TreatyPair(r.RequestingCountry, r.RequestedCountry);
        var rule = treaty.Find(mission, acting, host);
        return new FormLegalBasisView(mission, treaty.FindMissionType(mission)?.Name.Get(language), rule?.LegalBasis.Get(language) ?? "",
            [.. (rule?.Conditions ?? []).Select(c => c.Get(language))]);
    }

    /// <summary>The authority's name; a placeholder says so, so nobody mistakes it for a confirmed designation.</summary>
    public string AuthorityName(string id, string language) => catalogue.FindAuthority(id) is { } a
        ? a.Placeholder ? $"{a.Name.Get(language)} ({texts.Get(language, "request.placeholder")})" : a.Name.Get(language)
        : id;

    public string PlainAuthorityName(string id, string language) => catalogue.FindAuthority(id)?.Name.Get(language) ?? id;

    public bool IsPlaceholder(string id) => catalogue.FindAuthority(id)?.Placeholder ?? false;

    public string? ViewOfficer(CooperationRequest r) =>
        catalogue.FindOfficer(r.LiaisonOfficerId) is { } o ? $"{o.Name} ({o.PostingCountry} → {o.HostCountry})" : null;

    public static DeadlineStatus DeadlineStatusOf(CooperationRequest r, DateTimeOffset now) =>
        r.AnswerBy is { } answerBy && r.RemindAt is { } remindAt && r.SubmittedAt is { } submitted
            ? RequestDeadlines.Status(new DeadlinePlan(Urgency.Normal, submitted, answerBy, remindAt, null), r.ClockRunning, now)
            : DeadlineStatus.Stopped;

    public static string Kebab(DeadlineStatus status) => status switch
    {
        DeadlineStatus.OnTime => "on-time",
        DeadlineStatus.DueSoon => "due-soon",
        DeadlineStatus.Overdue => "overdue",
        _ => "stopped",
    };

    private string? Display(RequestField field, string? value, string language) => field.Kind switch
    {
        FieldKind.Boolean => value is null ? null : texts.Get(language, value == "true" ? "request.yes" : "request.no"),
        FieldKind.Choice => field.Choices.FirstOrDefault(c => c.Value == value)?.Label.Get(language) ?? value,
        FieldKind.Choices => string.Join(", ", RequestFieldRules.SplitChoices(value)
            .Select(v => field.Choices.FirstOrDefault(c => c.Value == v)?.Label.Get(language) ?? v)),
        _ => value,
    };
}

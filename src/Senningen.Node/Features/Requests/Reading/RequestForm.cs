using Senningen.Contracts.Requests;
using Senningen.Core.Requests;
using Senningen.Node.Common.Localization;
using Senningen.Node.Features.Requests.Data;

namespace Senningen.Node.Features.Requests.Reading;

/// <summary>The printable form's content in one language: the API's form and the console's print page show the same.</summary>
internal static class RequestForm
{
    public static readonly string[] LabelKeys =
    [
        "title", "reference", "type", "urgency", "state", "case", "requesting", "requested", "authority", "officer", "spoc-copy", "liaison-officer",
        "fields", "legal-basis", "conditions", "deadline", "submitted-at", "answer-by", "acknowledge-by", "delay-reason", "timeline", "signatures",
        "signature", "date", "placeholder-note",
    ];

    public static RequestFormView Build(CooperationRequest r, IReadOnlyList<RequestEventView> timeline, RequestReader reader, Texts texts, string language,
        DateTimeOffset now)
    {
        var summary = reader.Summary(r, language);
        var status = RequestReader.Kebab(RequestReader.DeadlineStatusOf(r, now));
        return new RequestFormView(language, r.Id, r.Reference, texts.Get(language, "request.form.title"), summary.TypeName, summary.UrgencyName,
            summary.StateName, r.CaseReference,
            new FormPartyView(r.RequestingCountry.Value, texts.Get(language, $"country.{r.RequestingCountry.Value}"), null, r.CreatedBy),
            new FormPartyView(r.RequestedCountry.Value, texts.Get(language, $"country.{r.RequestedCountry.Value}"), Authority(r.Recipient, reader, language), null),
            r.SpocCopy is null ? null : Authority(r.SpocCopy, reader, language),
            reader.ViewOfficer(r),
            reader.Fields(r, language), reader.LegalBasis(r, language),
            new FormDeadlineView(summary.SubmittedAt, summary.AnswerBy, summary.AcknowledgeBy, status, texts.Get(language, $"request.deadline.{status}"), r.DelayReason),
            timeline, Signatures(r, timeline, texts, language),
            LabelKeys.ToDictionary(k => k, k => texts.Get(language, $"request.form.{k}")));
    }

    private static FormAuthorityView Authority(string id, RequestReader reader, string language) =>
        new(id, reader.PlainAuthorityName(id, language), reader.IsPlaceholder(id));

    // Who signs: the requesting officer on submission, the requested side on its decision and on completion.
    private static List<FormSignatureView> Signatures(CooperationRequest r, IReadOnlyList<RequestEventView> timeline, Texts texts, string language)
    {
        (string Role, string[] Actions)[] roles =
        [
            ("requesting", [RequestNames.Of(RequestAction.Submit)]),
            ("decision", [RequestNames.Of(RequestAction.Accept), RequestNames.Of(RequestAction.Refuse)]),
            ("completion", [RequestNames.Of(RequestAction.Complete)]),
        ];
        return [.. roles.Select(role => timeline.LastOrDefault(e => role.Actions.Contains(e.Action)) is { } step
            ? new FormSignatureView(role.Role, texts.Get(language, $"request.signature.{role.Role}"), step.Actor, step.Country, step.At)
            : new FormSignatureView(role.Role, texts.Get(language, $"request.signature.{role.Role}"), null,
                (role.Role == "requesting" ? r.RequestingCountry : r.RequestedCountry).Value, null))];
    }
}

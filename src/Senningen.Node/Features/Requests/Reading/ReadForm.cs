using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Requests;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Requests.Reading;

/// <summary>
/// <c>GET /api/v1/requests/{id}/form?lang=fr</c>: the printable form's content in one language (the console prints
/// it; a case file can keep the JSON). Audited like the detail: it holds the same personal data.
/// </summary>
internal static class ReadForm
{
    public static async Task<Results<Ok<RequestFormView>, ProblemHttpResult>> HandleAsync(Guid id, string? lang, RequestReading reading, Texts texts,
        CancellationToken ct)
    {
        var v = new RequestValidator(texts);
        v.OneOf("lang", lang, Texts.Languages);
        if (v.HasErrors)
        {
            return v.Problem();
        }

        return await reading.FormAsync(id, lang ?? Texts.CurrentLanguage, RequestReadBy.ApiForm, ct) is { } form
            ? TypedResults.Ok(form)
            : Problems.NotFound(texts, texts["request.noun"]);
    }
}

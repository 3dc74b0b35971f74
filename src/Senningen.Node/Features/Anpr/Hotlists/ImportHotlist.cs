using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Anpr;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Anpr.Hotlists;

/// <summary>
/// <c>POST /api/v1/anpr/hotlist/import[?dryRun=true]</c>: CSV (<c>text/csv</c>) or a JSON array; see <see cref="HotlistImporter"/>.
/// </summary>
internal static class ImportHotlist
{
    public static async Task<Results<Ok<HotlistImportReport>, ProblemHttpResult>> HandleAsync(HttpRequest request, bool? dryRun,
        HotlistImporter importer, Texts texts, CancellationToken ct)
    {
        var mediaType = request.ContentType is { } type ? type.Split(';')[0].Trim().ToLowerInvariant() : "";
        if (mediaType is not (HotlistImporter.Csv or HotlistImporter.Json))
        {
            return Problems.Create(texts, StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", texts["anpr.problem.hotlist-media-type"]);
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(ct);
        var outcome = await importer.ImportAsync(mediaType, body, dryRun == true, ct);
        return outcome.Report is { } report ? TypedResults.Ok(report) : Problems.Validation(texts, outcome.Error!);
    }
}

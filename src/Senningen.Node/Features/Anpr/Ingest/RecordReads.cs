using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Senningen.Contracts.Anpr;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Anpr.Ingest;

/// <summary>
/// <c>POST /api/v1/anpr/reads</c>: a batch of camera reads (JSON array or NDJSON). Bad reads are rejected one by one;
/// the others are matched against the hotlist, police reads are stored, partner reads only when they hit.
/// </summary>
internal static class RecordReads
{
    public static async Task<Results<Ok<ReadBatchResult>, ProblemHttpResult>> HandleAsync(HttpRequest request, ReadIngest ingest,
        AnprSettings settings, IOptions<JsonOptions> json, Texts texts, CancellationToken ct)
    {
        var (reads, error, line, position) = await ReadBody.ReadAsync(request, json.Value.SerializerOptions, ct);
        if (error is not null)
        {
            var type = error.Message.Contains("could not be converted", StringComparison.OrdinalIgnoreCase);
            return Problems.Validation(texts, type
                ? new FieldError("reads", Rules.JsonType, texts["rule.json-type", "reads"])
                : new FieldError("reads", Rules.JsonSyntax, texts["rule.json-syntax", "reads", line, position]));
        }

        var max = settings.MaxReadsPerBatch;
        if (reads is null || reads.Count is 0 || reads.Count > max)
        {
            return Problems.Validation(texts, new FieldError("reads", Rules.Range, texts["rule.list-size", "reads", 1, max]));
        }

        return TypedResults.Ok(await ingest.RecordAsync(reads, ct));
    }
}

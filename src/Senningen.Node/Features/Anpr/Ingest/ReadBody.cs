using System.Text;
using System.Text.Json;
using Senningen.Contracts.Anpr;

namespace Senningen.Node.Features.Anpr.Ingest;

/// <summary>A batch of reads as sent: a JSON array, or NDJSON (one read per line) from a stream.</summary>
internal static class ReadBody
{
    public const string NdJson = "application/x-ndjson";

    /// <summary>The reads, or the JSON error with its line (1-based) and position.</summary>
    public static async Task<(List<PlateReadInput?>? Reads, JsonException? Error, long Line, long Position)> ReadAsync(HttpRequest request,
        JsonSerializerOptions options, CancellationToken ct)
    {
        var ndjson = request.ContentType?.StartsWith(NdJson, StringComparison.OrdinalIgnoreCase) == true;
        if (!ndjson)
        {
            try
            {
                var reads = await JsonSerializer.DeserializeAsync<List<PlateReadInput?>>(request.Body, options, ct);
                return (reads, null, 0, 0);
            }
            catch (JsonException e)
            {
                return (null, e, (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1);
            }
        }

        var list = new List<PlateReadInput?>();
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var number = 0L;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                list.Add(JsonSerializer.Deserialize<PlateReadInput>(line, options));
            }
            catch (JsonException e)
            {
                return (null, e, number, (e.BytePositionInLine ?? 0) + 1);
            }
        }

        return (list, null, 0, 0);
    }
}

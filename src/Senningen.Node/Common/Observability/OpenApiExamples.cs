using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Senningen.Contracts.Anpr;
using Senningen.Contracts.Auth;
using Senningen.Contracts.Consultation;
using Senningen.Contracts.Requests;
using Senningen.Contracts.Treaty;

namespace Senningen.Node.Common.Observability;

/// <summary>
/// Examples for the calls an integrator makes first: built from the contract records themselves, so an example cannot
/// name a property the API does not have; the linter checks each against its schema.
/// </summary>
internal sealed class OpenApiExamples : IOpenApiOperationTransformer
{
    // Nulls stay: a nullable property the record always writes is required in its schema.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly DateTimeOffset At = new(2026, 12, 7, 9, 30, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, (object? Request, object? Answer)> Examples = new(StringComparer.Ordinal)
    {
        ["POST api/v1/auth/token"] = (new TokenRequest("controlroom", "correct horse battery staple"),
            new TokenResponse("CfDJ8…(opaque)", At.AddMinutes(15)) { RefreshToken = "CfDJ8…(opaque)", RefreshExpiresAt = At.AddHours(12) }),
        ["GET api/v1/treaty/decide"] = (null, new TreatyDecisionView("hot-pursuit", "BE", "NL", DateOnly.FromDateTime(At.UtcDateTime), "NotCovered", false, null, null)),
        ["POST api/v1/anpr/reads"] = (new[]
            {
                new PlateReadInput("BE-E19-MEER-N", "1-ABC-123", [new PlateCandidateInput("1-ABC-128", 0.41)], "BE", 0.97, At, 51.479, 4.750),
                new PlateReadInput("BE-E19-MEER-X", "1-ABC-124", null, "BE", 0.88, At, 51.479, 4.750),
            },
            new ReadBatchResult(1, [new RejectedRead(1, "cameraId", "one-of", "cameraId names no camera of this node.")], [])),
        ["POST api/v1/requests"] = (new CreateRequestInput("information-request", "NL", "urgent", "PV-2026-0001",
            new Dictionary<string, JsonElement>
            {
                ["subject"] = JsonSerializer.SerializeToElement("Jan Jansen, born 1980-04-02"),
                ["question"] = JsonSerializer.SerializeToElement("Known addresses in the last two years"),
            }), null),
        ["POST api/v1/consultation/searches"] = (new ConsultationSearchRequest("joint-post", "persons", "Identity check at the joint post", "PV-2026-0002",
            new PersonCriteriaInput("Jansen", "Jan", "1980-04-02")), null),
    };

    private static readonly JsonNode Problem = JsonNode.Parse("""
        {"type":"urn:senningen:problem:validation","title":"The request is not valid.","status":400,
         "detail":"One or more fields break a rule.","instance":"/api/v1/requests","traceId":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
         "errors":[{"field":"caseReference","rule":"max-length","message":"caseReference may be at most 100 characters long."},
                   {"field":"partner","rule":"country-code","message":"partner must be a country code: BE, NL, LU, FR or DE."}]}
        """)!;

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var key = $"{context.Description.HttpMethod} {context.Description.RelativePath?.TrimEnd('/')}";
        if (!Examples.TryGetValue(key, out var example))
        {
            return Task.CompletedTask;
        }

        if (example.Request is { } request && operation.RequestBody?.Content is { } body && body.TryGetValue("application/json", out var json))
        {
            json.Example = JsonSerializer.SerializeToNode(request, Json);
        }

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (status.StartsWith('2') && example.Answer is { } answer && response.Content?.TryGetValue("application/json", out var ok) == true)
            {
                ok.Example = JsonSerializer.SerializeToNode(answer, Json);
            }
            else if (status == "400" && response.Content?.TryGetValue(OpenApiProblems.MediaType, out var problem) == true)
            {
                problem.Example = Problem.DeepClone();
            }
        }

        return Task.CompletedTask;
    }
}

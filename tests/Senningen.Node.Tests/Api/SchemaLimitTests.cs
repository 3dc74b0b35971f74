using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Senningen.Node.Tests.Anpr;
using Senningen.Node.Tests.Operations;

namespace Senningen.Node.Tests.Api;

/// <summary>
/// Every limit the served OpenAPI document states on a request body (length, range, names) is one the node enforces: for
/// each, a request just past it is refused naming that field. The limits are read from the document, so a limit added to
/// a schema is tested here without a line of this class changing, and one the node does not enforce fails.
/// </summary>
public sealed class SchemaLimitTests : IAsyncLifetime
{
    // The request bodies whose limits are documented, and where each one's fields are named in a refusal.
    private static readonly string[] Schemas =
        ["PlateReadInput", "PlateCandidateInput", "PositionFixInput", "ConsultationSearchRequest", "PersonCriteriaInput", "CreateRequestInput", "TokenRequest"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestNode _node = null!;
    private HttpClient _officer = null!;
    private Guid _operation;

    public async ValueTask InitializeAsync()
    {
        _node = await TestNode.StartAsync();
        await AnprSteps.RegisterCamerasAsync(_node);
        _officer = await _node.SignedInAsync("officer");
        _operation = (await OperationSteps.StartPursuitAsync(_officer, "BE-VAN", "BE-P1")).Id;
    }

    public async ValueTask DisposeAsync()
    {
        _officer.Dispose();
        await _node.DisposeAsync();
    }

    [Fact]
    public async Task EveryDocumentedLimit_JustPastIt_IsRefusedNamingTheField()
    {
        using var anonymous = _node.Anonymous();
        var document = JsonNode.Parse(await anonymous.GetStringAsync("openapi/v1.json", Ct))!;
        var failures = new List<string>();
        var tested = 0;
        foreach (var schema in Schemas)
        {
            var properties = document["components"]!["schemas"]![schema]!["properties"]!.AsObject();
            foreach (var (name, property) in properties)
            {
                foreach (var (limit, past) in JustPast(property!))
                {
                    tested++;
                    var (expected, refused) = await SendAsync(schema, name, past);
                    if (!refused.Contains(expected))
                    {
                        failures.Add($"{schema}.{name} {limit} = {past.ToJsonString()}: refused {string.Join(", ", refused)}, not {expected}");
                    }
                }
            }
        }

        // Reads (4), positions (5), consultation (8), drafts (2) and the token (1) document their limits today.
        tested.ShouldBeGreaterThanOrEqualTo(24);
        failures.ShouldBeEmpty();
    }

    /// <summary>For each limit on the property, its name and a value just past it.</summary>
    private static IEnumerable<(string Limit, JsonNode Past)> JustPast(JsonNode property)
    {
        if (property["maxLength"] is { } max)
        {
            yield return ($"maxLength {max}", JsonValue.Create(new string('x', max.GetValue<int>() + 1)));
        }

        if (property["maximum"] is { } maximum)
        {
            yield return ($"maximum {maximum}", JsonValue.Create(Number(maximum) + 0.001));
        }

        if (property["minimum"] is { } minimum)
        {
            yield return ($"minimum {minimum}", JsonValue.Create(Number(minimum) - 0.001));
        }

        if (property["enum"] is JsonArray names)
        {
            yield return ($"enum {names.ToJsonString()}", JsonValue.Create("not-one-of-them"));
        }
    }

    private static double Number(JsonNode node) => node.GetValueKind() == JsonValueKind.String
        ? double.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture) : node.GetValue<double>();

    /// <summary>A valid request with one field set to <paramref name="value"/>: the field the refusal should name, and the fields it names.</summary>
    private async Task<(string Expected, IReadOnlyList<string> Refused)> SendAsync(string schema, string property, JsonNode value)
    {
        var now = DateTimeOffset.UtcNow.AddSeconds(-5).ToString("O", CultureInfo.InvariantCulture);
        JsonObject Read() => new()
        {
            ["cameraId"] = AnprSteps.PoliceCamera, ["plate"] = "1-ABC-123", ["country"] = "BE", ["confidence"] = 0.9, ["observedAt"] = now,
            ["lat"] = 51.479, ["lon"] = 4.75, ["candidates"] = new JsonArray(new JsonObject { ["plate"] = "1-ABC-128", ["confidence"] = 0.4 }),
        };
        switch (schema)
        {
            case "PlateReadInput" or "PlateCandidateInput":
            {
                var read = Read();
                var target = schema == "PlateReadInput" ? read : read["candidates"]![0]!.AsObject();
                target[property] = value.DeepClone();
                var answer = await PostAsync(_officer, "api/v1/anpr/reads", new JsonArray(read));
                return (schema == "PlateReadInput" ? property : $"candidates[0].{property}", Fields(answer["rejected"]));
            }

            case "PositionFixInput":
            {
                var fix = new JsonObject { ["unit"] = "BE-P1", ["lat"] = 51.46, ["lon"] = 4.74, ["time"] = now, ["speed"] = 80, ["heading"] = 10, ["accuracy"] = 8 };
                fix[property] = value.DeepClone();
                var answer = await PostAsync(_officer, $"api/v1/operations/{_operation}/positions", new JsonObject { ["fixes"] = new JsonArray(fix) });
                return (property, Fields(answer["rejected"]));
            }

            case "ConsultationSearchRequest" or "PersonCriteriaInput":
            {
                var search = new JsonObject
                {
                    ["context"] = "joint-post", ["purpose"] = "Identity check",
                    ["dataSet"] = property switch { "documentNumber" => "documents", "vin" => "vehicles", _ => "persons" },
                    ["caseReference"] = "PV-2026-0002", ["documentNumber"] = "EJ1234567",
                    ["person"] = new JsonObject { ["surname"] = "Jansen", ["givenNames"] = "Jan", ["birthDate"] = "1980-04-02", ["postcode"] = "2000" },
                };
                (schema == "PersonCriteriaInput" ? search["person"]!.AsObject() : search)[property] = value.DeepClone();
                var answer = await PostAsync(_officer, "api/v1/consultation/searches", search);
                return (schema == "PersonCriteriaInput" ? $"person.{property}" : property, Fields(answer["errors"]));
            }

            case "CreateRequestInput":
            {
                var draft = new JsonObject { ["type"] = "information-request", ["partner"] = "NL", ["caseReference"] = "CASE-2026-7", ["fields"] = new JsonObject() };
                draft[property] = value.DeepClone();
                return (property, Fields((await PostAsync(_officer, "api/v1/requests", draft))["errors"]));
            }

            default:
            {
                using var anonymous = _node.Anonymous();
                var token = new JsonObject { ["username"] = "officer", ["password"] = "demo" };
                token[property] = value.DeepClone();
                return (property, Fields((await PostAsync(anonymous, "api/v1/auth/token", token))["errors"]));
            }
        }
    }

    private static async Task<JsonNode> PostAsync(HttpClient client, string path, JsonNode body)
    {
        using var response = await client.PostAsJsonAsync(path, body, Ct);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct)) ?? new JsonObject();
    }

    private static List<string> Fields(JsonNode? refusals) =>
        refusals is JsonArray list ? [.. list.Select(r => r!["field"]!.GetValue<string>())] : [];
}

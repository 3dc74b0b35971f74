using System.Net.Http.Json;
using System.Text.Json;
using Senningen.Node.Common.Observability;
using Senningen.Node.Tests.Security;

namespace Senningen.Node.Tests.Api;

/// <summary>
/// The OpenAPI document as integrators meet it: what a real node serves, linted with Redocly CLI's recommended rules
/// (tools/openapi-lint), and what every operation must say for a generated client to work.
/// </summary>
public sealed class OpenApiLintTests
{
    // Reviewed: the only operations a caller reaches without a bearer token. Sign-in and renewal; partner nodes, which
    // prove themselves by signature (and TLS client certificate) on every envelope; the app's sign-in screen texts.
    private static readonly string[] ReviewedAnonymous =
    [
        "GET /api/v1/app/texts",
        "GET /api/v1/node/keys",
        "POST /api/v1/auth/refresh",
        "POST /api/v1/auth/token",
        "POST /exchange/v1/inbox",
        "POST /exchange/v1/inbox/batch",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ServedDocument_PassesRedoclyRecommendedRules_WithoutAnErrorOrAnUnlistedWarning()
    {
        var redocly = await NodeTools.RequireAsync("openapi-lint", "redocly", Ct);
        await using var node = await TestNode.StartAsync();
        using var client = node.Anonymous();
        var file = Path.Combine(node.DataDirectory, "openapi.json");
        await File.WriteAllTextAsync(file, await client.GetStringAsync("openapi/v1.json", Ct), Ct);
        var folder = Path.GetDirectoryName(redocly)!;

        var lint = await NodeTools.RunAsync(redocly, ["lint", file, "--config", Path.Combine(folder, "..", "..", "redocly.yaml"),
            "--format", "json", "--max-problems", "1000"], Path.Combine(folder, "..", ".."), Ct);

        using var report = JsonDocument.Parse(lint.Output);
        var totals = report.RootElement.GetProperty("totals");
        var problems = report.RootElement.GetProperty("problems").EnumerateArray()
            .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()}")
            .ToList();
        problems.ShouldBeEmpty($"redocly lint ({lint.ExitCode}), {totals}");
        totals.GetProperty("errors").GetInt32().ShouldBe(0);
        totals.GetProperty("warnings").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task EveryOperation_HasAUniqueIdASummaryItsSecurityAndItsProblemAnswers()
    {
        await using var node = await TestNode.StartAsync();
        using var client = node.Anonymous();
        using var document = JsonDocument.Parse(await client.GetStringAsync("openapi/v1.json", Ct));
        var inventory = await EndpointInventory.ReadAsync(node.Services);

        var operations = Operations(document.RootElement).ToList();

        operations.Count.ShouldBeGreaterThan(60);
        operations.Select(o => o.Body.GetProperty("operationId").GetString()).ShouldBeUnique();
        operations.ShouldAllBe(o => o.Body.GetProperty("summary").GetString()!.Length > 10);
        operations.Where(o => o.Body.GetProperty("security").GetArrayLength() == 0).Select(o => o.Name).Order(StringComparer.Ordinal)
            .ShouldBe(ReviewedAnonymous);
        // The document and the router agree on who may call what: the metadata both read is the same.
        foreach (var (name, body) in operations)
        {
            var endpoint = inventory.SingleOrDefault(e => $"{e.Method} {Template(e.Pattern)}" == name);
            endpoint.ShouldNotBeNull(name);
            (body.GetProperty("security").GetArrayLength() == 0).ShouldBe(endpoint.Anonymous, name);
            var errors = body.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('4')).ToList();
            errors.ShouldNotBeEmpty(name);
            errors.ShouldAllBe(r => r.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema")
                .GetProperty("$ref").GetString() == "#/components/schemas/Problem");
            if (!endpoint.Anonymous)
            {
                errors.Select(r => r.Name).ShouldContain("401", name);
            }
        }
    }

    [Fact]
    public async Task ProblemSchema_DescribesTheErrorsAnAnswerReallyCarries()
    {
        await using var node = await TestNode.StartAsync();
        using var client = node.Anonymous();
        using var document = JsonDocument.Parse(await client.GetStringAsync("openapi/v1.json", Ct));

        var refused = await client.PostAsJsonAsync("api/v1/auth/token", new { username = "", password = "" }, Ct);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct));

        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var documented = schemas.GetProperty("Problem").GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
        problem.RootElement.EnumerateObject().Select(p => p.Name).ShouldAllBe(name => documented.Contains(name));
        var fieldError = schemas.GetProperty("FieldError").GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        problem.RootElement.GetProperty("errors")[0].EnumerateObject().Select(p => p.Name).ShouldBe(fieldError, ignoreOrder: true);
        var token = Operations(document.RootElement).Single(o => o.Name == "POST /api/v1/auth/token").Body.GetProperty("responses");
        token.TryGetProperty("400", out _).ShouldBeTrue();
        token.TryGetProperty("401", out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("GET", "/api/v1/requests/{id:guid}/form", "getRequestsByIdForm")]
    [InlineData("POST", "/api/v1/anpr/hits/{id}/acknowledge-group", "postAnprHitsByIdAcknowledgeGroup")]
    [InlineData("PUT", "/api/v1/admin/users/{username}/roles/{role}", "putAdminUsersByUsernameRolesByRole")]
    [InlineData("POST", "/exchange/v1/inbox/batch", "postExchangeInboxBatch")]
    [InlineData("GET", "/api/v1/node", "getNode")]
    public void OperationId_IsTheMethodAndTheRoute(string method, string route, string expected) =>
        OpenApiOperations.OperationId(method, route).ShouldBe(expected);

    private static IEnumerable<(string Name, JsonElement Body)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(op => op.Name is "get" or "put" or "post" or "delete" or "patch")
            .Select(op => ($"{op.Name.ToUpperInvariant()} {path.Name}", op.Value)));

    // The router's pattern with its constraints ({id:guid}) as the document writes it ({id}).
    private static string Template(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace("/" + pattern.Trim('/'), @"\{([^}:=?]+)[^}]*\}", "{$1}");
}

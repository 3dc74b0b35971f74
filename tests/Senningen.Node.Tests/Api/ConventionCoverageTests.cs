using System.Collections;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Node.Common.Idempotency;
using Senningen.Node.Common.Paging;

namespace Senningen.Node.Tests.Api;

/// <summary>
/// The conventions hold on every endpoint, not only on those someone remembered: every list takes limit and cursor
/// (or is reviewed below as bounded, with its bound's reason), and every POST that creates something honours an
/// Idempotency-Key (or is reviewed below as not creating, with the reason). A new endpoint fails here until it does.
/// </summary>
public sealed class ConventionCoverageTests
{
    /// <summary>Lists answered whole or by their own older page parameters, each with the bound that keeps it small.</summary>
    private static readonly Dictionary<string, string> BoundedLists = new()
    {
        ["GET /api/v1/exchange/parked"] = "at most 200 parked messages each way, oldest first: a message parks only after eight failed tries, and each one stops its conversation until an operator acts",
        ["GET /api/v1/admin/users/{username}/external-login"] = "one user's links to identities at the node's one identity provider: a handful at most",
    };

    /// <summary>POSTs that create nothing a client could create twice by sending again.</summary>
    private static readonly Dictionary<string, string> NotCreating = new()
    {
        ["POST /account/language"] = "a console form: remembers the language in a cookie",
        ["POST /account/login"] = "a console form: signs in; a repeat signs in again",
        ["POST /account/logout"] = "a console form: signs out; a repeat changes nothing",
        ["POST /api/v1/admin/users/{username}/disable"] = "sets a state of an existing user; a repeat leaves the same state",
        ["POST /api/v1/admin/users/{username}/enable"] = "sets a state of an existing user; a repeat leaves the same state",
        ["POST /api/v1/admin/users/{username}/sign-out"] = "ends sessions; a repeat ends none",
        ["POST /api/v1/admin/users/{username}/unlock"] = "lifts a lock-out; a repeat leaves the same state",
        ["POST /api/v1/anpr/hits/{id:guid}/acknowledge"] = "a workflow step on an existing hit; a repeat is a 409 from its state",
        ["POST /api/v1/anpr/hits/{id}/acknowledge-group"] = "a workflow step on existing hits; a repeat finds none left to acknowledge",
        ["POST /api/v1/anpr/reads/search"] = "a query sent as a body (purpose, case); it creates no object, its audit entry records the search",
        ["POST /api/v1/audit/tree-heads/alarms/{id:long}/acknowledge"] = "a workflow step on an existing alarm; a repeat is a 404 (no open alarm)",
        ["POST /api/v1/audit/tree-heads/publish"] = "sends the latest signed head again; partners keep one confirmation per head",
        ["POST /api/v1/auth/refresh"] = "issues a credential; keeping the answer would store a bearer token, and a reused refresh token is refused by design",
        ["POST /api/v1/auth/token"] = "issues a credential; keeping the answer would store a bearer token, a retry gets a fresh one",
        ["POST /api/v1/exchange/messages/{id}/drop"] = "a workflow step on an existing parked message; a repeat is a 409 (no longer parked)",
        ["POST /api/v1/exchange/messages/{id}/retry"] = "a workflow step on an existing parked message; a repeat is a 409 (no longer parked)",
        ["POST /api/v1/exchange/resync"] = "asks the partners to send again what they still hold; they answer one request a minute and the inbox drops what it already has",
        ["POST /api/v1/node/keys/revoke"] = "sets a state of an existing key; a repeat is a 409 (already revoked)",
        ["POST /api/v1/node/keys/rotate"] = "creates the next key, but a repeat while one is pending is a 409 (rotation-pending), so a retry cannot make two",
        ["POST /api/v1/exchange/ping"] = "a diagnostic round trip that creates no object",
        ["POST /api/v1/operations/{id:guid}/end"] = "a workflow step; a repeat is a 409 from the ended state",
        ["POST /api/v1/registry/generate"] = "replaces the reference registry from a seed: the same seed gives the same data",
        ["POST /api/v1/requests/{id:guid}/acknowledge"] = "a workflow step; a repeat is a 409 from its state",
        ["POST /api/v1/requests/{id:guid}/transitions"] = "a workflow step; the state machine refuses a repeat with a 409",
        ["POST /exchange/v1/inbox"] = "node to node: envelopes carry their id and a repeat is receipted, not stored twice (ADR 0008)",
        ["POST /exchange/v1/inbox/batch"] = "node to node: envelopes carry their id and a repeat is receipted, not stored twice (ADR 0008)",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryList_TakesLimitAndCursor_OrIsReviewedAsBounded()
    {
        await using var node = await TestNode.StartAsync();
        var lists = Endpoints(node).Where(e => e.Method == "GET" && IsList(e.Ok)).ToList();

        var unpaged = lists.Where(e => e.Metadata.GetMetadata<PagedMetadata>() is null && e.Metadata.GetMetadata<BoundedListMetadata>() is null)
            .Select(e => e.Name).ToList();

        lists.Count.ShouldBeGreaterThan(12);
        unpaged.Except(BoundedLists.Keys).ShouldBeEmpty("a list without limit and cursor: page it with .Paged(...) or review it here");
        BoundedLists.Keys.Except(unpaged).ShouldBeEmpty("reviewed as bounded but no longer an unpaged list: take it out of the table");
        lists.Where(e => e.Metadata.GetMetadata<PagedMetadata>() is { } p && (p.DefaultLimit > p.MaxLimit || p.MaxLimit > 1000))
            .Select(e => e.Name).ShouldBeEmpty("a page's default must be within its maximum, and the maximum at most 1,000");
    }

    [Fact]
    public async Task EveryPagedList_DocumentsLimitAndCursorInTheOpenApiDocument()
    {
        await using var node = await TestNode.StartAsync();
        using var client = node.Anonymous();
        using var document = JsonDocument.Parse(await client.GetStringAsync("openapi/v1.json", Ct));
        var paths = document.RootElement.GetProperty("paths");

        var paged = Endpoints(node).Where(e => e.Metadata.GetMetadata<PagedMetadata>() is not null).ToList();

        paged.Count.ShouldBeGreaterThan(8);
        foreach (var endpoint in paged)
        {
            var path = OpenApiPath(endpoint.Pattern);
            var operation = (paths.TryGetProperty(path, out var item) ? item : paths.GetProperty(path + "/")).GetProperty("get");
            var names = operation.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
            new[] { "limit", "cursor" }.ShouldBeSubsetOf(names, endpoint.Name);
            operation.GetProperty("responses").TryGetProperty("400", out _).ShouldBeTrue(endpoint.Name);
        }
    }

    [Fact]
    public async Task EveryCreatingPost_HonoursAnIdempotencyKey_OrIsReviewedAsNotCreating()
    {
        await using var node = await TestNode.StartAsync();
        // The console's pages accept form posts too; they are Blazor's, not the API's.
        var posts = Endpoints(node).Where(e => e.Method == "POST" && (e.Pattern.StartsWith("/api/", StringComparison.Ordinal)
            || e.Pattern.StartsWith("/exchange/", StringComparison.Ordinal) || e.Pattern.StartsWith("/account/", StringComparison.Ordinal))).ToList();

        var without = posts.Where(e => e.Metadata.GetMetadata<IdempotentMetadata>() is null).Select(e => e.Name).ToList();
        var with = posts.Where(e => e.Metadata.GetMetadata<IdempotentMetadata>() is not null).Select(e => e.Name).ToList();

        without.Except(NotCreating.Keys).ShouldBeEmpty("a POST without .Idempotent(): attach it if it creates something, or review it here");
        NotCreating.Keys.Except(without).ShouldBeEmpty("reviewed but no longer a POST: take it out of the table");
        new[]
        {
            "POST /api/v1/admin/users/", "POST /api/v1/anpr/cameras", "POST /api/v1/anpr/hotlist/import", "POST /api/v1/anpr/reads",
            "POST /api/v1/consultation/searches", "POST /api/v1/operations/", "POST /api/v1/requests/", "POST /api/v1/requests/{id:guid}/attachments",
            "POST /api/v1/requests/{id:guid}/disclosures", "POST /api/v1/retention/holds/",
        }.ShouldBeSubsetOf(with);
    }

    private sealed record Route(string Method, string Pattern, EndpointMetadataCollection Metadata, Type? Ok)
    {
        public string Name => $"{Method} {Pattern}";
    }

    private static List<Route> Endpoints(TestNode node) =>
    [
        .. node.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => new Route(m, "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'),
                e.Metadata, e.Metadata.OfType<IProducesResponseTypeMetadata>().FirstOrDefault(p => p.StatusCode == StatusCodes.Status200OK)?.Type)))
            .DistinctBy(r => r.Name),
    ];

    /// <summary>A collection, or an object that is a page of one (a single list, or a list with its page and total).</summary>
    private static bool IsList(Type? type)
    {
        if (type is null || type == typeof(string) || type == typeof(byte[]))
        {
            return false;
        }

        if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            return true;
        }

        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var collections = properties.Count(p => p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType));
        return collections >= 1 && (properties.Length == 1 || properties.Any(p => p.Name is "Page" or "Total" or "Next"));
    }

    private static string OpenApiPath(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, "\\{([^}:]+)(:[^}]+)?\\}", "{$1}").TrimEnd('/') is { Length: > 0 } p ? p : "/";
}

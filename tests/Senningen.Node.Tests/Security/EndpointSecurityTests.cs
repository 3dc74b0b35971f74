using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Contracts.Users;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Tests.Security;

/// <summary>
/// Walks every endpoint the node maps: without credentials each is refused, with a role it does not accept each
/// answers 403, and every such denial lands in the audit log.
/// </summary>
public sealed class EndpointSecurityTests : IAsyncLifetime
{
    // Reviewed list: the only endpoints a stranger may call. A new anonymous endpoint fails this test until added here.
    private static readonly string[] AnonymousPatterns =
    [
        "/account/external-callback", "/account/external-login", "/account/language", "/account/login",
        "/api-reference/favicon.svg", "/api-reference/{documentName?}", "/api/v1/app/texts", "/api/v1/auth/refresh", "/api/v1/auth/token", "/api/v1/node/keys", "/app", "/exchange/v1/inbox", "/exchange/v1/inbox/batch", "/health/live", "/health/ready", "/login", "/openapi/{documentName}.json",
    ];

    private TestNode _node = null!;

    public async ValueTask InitializeAsync() => _node = await TestNode.StartAsync();

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task EveryEndpoint_WithoutCredentials_IsRefused()
    {
        var endpoints = await EndpointInventory.ReadAsync(_node.Services);
        endpoints.Count.ShouldBeGreaterThan(10);
        using var client = _node.Anonymous();
        var failures = new List<string>();
        foreach (var endpoint in endpoints.Where(e => !e.Anonymous))
        {
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Path.TrimStart('/'));
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            var isApi = endpoint.Path.StartsWith("/api/", StringComparison.Ordinal);
            var refused = isApi
                ? response.StatusCode == HttpStatusCode.Unauthorized && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                : response.StatusCode == HttpStatusCode.Unauthorized
                  || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/login", StringComparison.Ordinal));
            if (!refused)
            {
                failures.Add($"{endpoint} -> {(int)response.StatusCode}");
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task AnonymousEndpoints_AreExactlyTheReviewedOnes()
    {
        var endpoints = await EndpointInventory.ReadAsync(_node.Services);
        var anonymous = endpoints.Where(e => e.Anonymous && !IsStaticAsset(e.Pattern)).Select(e => e.Pattern).Distinct().Order(StringComparer.Ordinal);

        anonymous.ShouldBe(AnonymousPatterns.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EveryRoleRestrictedEndpoint_WithAnotherRole_Answers403_AndTheDenialIsAudited()
    {
        var endpoints = (await EndpointInventory.ReadAsync(_node.Services)).Where(e => e.RequiredRoles.Count > 0).ToList();
        endpoints.ShouldNotBeEmpty();
        var failures = new List<string>();
        // One token per user: signing in per endpoint would run into the token endpoint's rate limit.
        var clients = new Dictionary<string, HttpClient>();
        foreach (var endpoint in endpoints)
        {
            var (username, _) = DemoUserWithout(endpoint.RequiredRoles);
            if (!clients.TryGetValue(username, out var client))
            {
                clients[username] = client = await _node.SignedInAsync(username);
            }

            var deniedBefore = await CountDenialsAsync(username);
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Path.TrimStart('/'));
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                failures.Add($"{endpoint} as {username} -> {(int)response.StatusCode}");
            }
            else if (await CountDenialsAsync(username) != deniedBefore + 1)
            {
                failures.Add($"{endpoint} as {username}: 403 but no audit entry");
            }
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        failures.ShouldBeEmpty();
    }

    private static bool IsStaticAsset(string pattern) =>
        pattern.StartsWith("_framework/", StringComparison.Ordinal) || pattern.StartsWith("_content/", StringComparison.Ordinal)
        || pattern.StartsWith("css/", StringComparison.Ordinal) || pattern.StartsWith("favicon", StringComparison.Ordinal)
        || pattern.StartsWith("js/", StringComparison.Ordinal) || pattern.StartsWith("img/", StringComparison.Ordinal)
        || pattern.StartsWith("lib/", StringComparison.Ordinal) || pattern.StartsWith("app/", StringComparison.Ordinal)
        || pattern.Contains("scalar", StringComparison.OrdinalIgnoreCase) && pattern.Contains('.', StringComparison.Ordinal);

    private static (string Username, string Role) DemoUserWithout(IReadOnlyList<string> allowed)
    {
        (string, string)[] demo =
            [("officer", Roles.Officer), ("controlroom", Roles.ControlRoom), ("liaison", Roles.LiaisonOfficer),
             ("dpo", Roles.DataProtectionOfficer), ("admin", Roles.Admin)];
        return demo.First(d => !allowed.Contains(d.Item2));
    }

    private async Task<int> CountDenialsAsync(string username)
    {
        await using var scope = _node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        return await db.AuditEntries.CountAsync(e => e.Actor == username && e.Action == "access.denied");
    }
}

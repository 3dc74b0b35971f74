using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Senningen.Contracts.Operations;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.Data;
using static Senningen.Node.Tests.Operations.OperationSteps;

namespace Senningen.Node.Tests.Persistence;

/// <summary>
/// The database goes away under a running node on PostgreSQL (every connection cut, new ones refused, as when the
/// server dies or a failover is under way): the API answers 503 problem+json with Retry-After, not 500, readiness
/// turns unready, and when the database is back every fix accepted before is there and the refused one goes in.
/// </summary>
public sealed class DatabaseGoneTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Positions_DatabaseCutAway_Answer503WithRetryAfter_ReadyTurnsUnready_AndNothingAcceptedIsLost()
    {
        var admin = new NpgsqlConnectionStringBuilder(Infrastructure.RequirePostgres());
        await using var relay = TcpRelay.Start(admin.Host!, admin.Port);
        await using var database = await TestDatabase.CreateAsync(Store.Postgres, Path.GetTempPath());
        var viaRelay = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = relay.Port };
        await using var node = await TestNode.StartAsync(Store.Postgres,
            settings: new Dictionary<string, string?> { ["Senningen:Database:ConnectionString"] = viaRelay.ConnectionString });
        using var officer = await node.SignedInAsync("officer");
        using var anonymous = node.Anonymous();
        var operation = await StartPursuitAsync(officer, "BE-VAN", "BE-DB1");
        var start = DateTimeOffset.UtcNow.AddSeconds(-20);
        var accepted = await PostAsync(officer, operation.Id, [.. Enumerable.Range(0, 5).Select(s => Fix(start.AddSeconds(s)))]);
        (await accepted.Content.ReadFromJsonAsync<PositionBatchResult>(Ct))!.Accepted.ShouldBe(5);

        await relay.CutAsync();
        var refused = await PostAsync(officer, operation.Id, [Fix(start.AddSeconds(5))]);
        var signIn = await SignInAsync(anonymous, "fr");
        var ready = await anonymous.GetAsync("health/ready", Ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, await refused.Content.ReadAsStringAsync(Ct));
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(5));
        var problem = (await refused.Content.ReadFromJsonAsync<ProblemBody>(Ct))!;
        problem.Type.ShouldBe("urn:senningen:problem:database-unavailable");
        problem.Status.ShouldBe(503);
        // The Belgian demo officer reads Dutch (their choice, kept on the token); the anonymous caller asked for French.
        problem.Title.ShouldBe(Texts.Load().Get("nl", "problem.database-unavailable.title"));
        signIn.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await signIn.Content.ReadFromJsonAsync<ProblemBody>(Ct))!.Title.ShouldBe(Texts.Load().Get("fr", "problem.database-unavailable.title"));
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);

        relay.Restore();
        await Exchange.ExchangeHelpers.EventuallyAsync(async () => (await anonymous.GetAsync("health/ready", Ct)).IsSuccessStatusCode,
            "the node is ready again once the database is back");
        (await CountFixesAsync(node, operation.Id)).ShouldBe(5);
        var retried = await PostAsync(officer, operation.Id, [Fix(start.AddSeconds(5))]);
        (await retried.Content.ReadFromJsonAsync<PositionBatchResult>(Ct))!.Accepted.ShouldBe(1);
        (await CountFixesAsync(node, operation.Id)).ShouldBe(6);
    }

    private static PositionFixInput Fix(DateTimeOffset time) => new("BE-DB1", 51.2, 4.4, time, 50, 90, 10);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, Guid operation, PositionFixInput[] fixes) =>
        client.PostAsJsonAsync($"api/v1/operations/{operation}/positions", new PositionBatch(fixes), Ct);

    /// <summary>A sign-in reads the user from the database; nobody is signed in yet, so the caller's language is the browser's.</summary>
    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/auth/token")
        {
            Content = JsonContent.Create(new Senningen.Contracts.Auth.TokenRequest("officer", "demo")),
        };
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await client.SendAsync(request, Ct);
    }

    private static async Task<int> CountFixesAsync(TestNode node, Guid operation)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SenningenDbContext>().UnitFixes.CountAsync(f => f.OperationId == operation, Ct);
    }
}

using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Senningen.Contracts.Operations;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Idempotency;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.Data;

namespace Senningen.Node.Tests.App;

/// <summary>
/// A request that dies after its work committed, or before: the retry with the same Idempotency-Key gets the answer
/// that was committed with the work, and a key whose request died before committing is freed after the timeout.
/// </summary>
public sealed class IdempotencyCrashTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StartOperationRequest Pursuit(string unit) =>
        new("hot-pursuit", [new OperationUnitInput(unit, null, 2)], null, null, "Fleeing vehicle", "BE-VAN", null, null, null);

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task StartOperation_RequestDiesRightAfterTheCommit_TheRetryReplays201WithTheCommittedOperation(Store store)
    {
        var crash = new CrashAfterCommit();
        await using var node = await TestNode.StartAsync(store, services: s => s
            .ConfigureDbContext<SqliteSenningenDbContext>(o => o.AddInterceptors(crash))
            .ConfigureDbContext<PostgresSenningenDbContext>(o => o.AddInterceptors(crash)));
        using var officer = await node.SignedInAsync("officer");
        crash.Armed = true;

        using var died = await PostAsync(officer, Pursuit("BE-7"), "start-crash-0001");
        using var retry = await PostAsync(officer, Pursuit("BE-7"), "start-crash-0001");
        using var again = await PostAsync(officer, Pursuit("BE-7"), "start-crash-0001");

        crash.Crashed.ShouldBeTrue();
        died.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.Headers.GetValues(IdempotencyFilter.ReplayedHeader).ShouldBe(["true"]);
        var operation = (await retry.Content.ReadFromJsonAsync<OperationView>(Ct))!;
        retry.Headers.Location!.ToString().ShouldBe($"/api/v1/operations/{operation.Id}");
        (await again.Content.ReadAsStringAsync(Ct)).ShouldBe(await retry.Content.ReadAsStringAsync(Ct));
        await using var scope = node.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<SenningenDbContext>().Operations.Select(o => o.Id).ToListAsync(Ct)).ShouldBe([operation.Id]);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task AKeyWhoseRequestDied_IsInProgressUntilTheTimeout_ThenTheRetryDoesTheWork(Store store)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var node = await TestNode.StartAsync(store, settings: new Dictionary<string, string?> { ["Senningen:Api:IdempotencyTimeout"] = "00:00:20" },
            services: s => s.AddSingleton<TimeProvider>(clock));
        using var officer = await node.SignedInAsync("officer");
        // What a request leaves behind when its process dies after claiming the key and before committing its work.
        await using (var scope = node.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
            db.Add(new IdempotentRequest { UserName = "officer", Key = "start-dead-0001", Request = "POST /api/v1/operations", CreatedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds() });
            await db.SaveChangesAsync(Ct);
        }

        clock.Advance(TimeSpan.FromSeconds(19));
        using var waiting = await PostAsync(officer, Pursuit("BE-8"), "start-dead-0001");
        clock.Advance(TimeSpan.FromSeconds(2));
        using var taken = await PostAsync(officer, Pursuit("BE-8"), "start-dead-0001");
        using var replayed = await PostAsync(officer, Pursuit("BE-8"), "start-dead-0001");

        waiting.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        waiting.Headers.RetryAfter.ShouldNotBeNull();
        (await waiting.Content.ReadFromJsonAsync<ProblemBody>(Ct))!.Type.ShouldBe(IdempotencyFilter.InProgressType);
        taken.StatusCode.ShouldBe(HttpStatusCode.Created);
        taken.Headers.Contains(IdempotencyFilter.ReplayedHeader).ShouldBeFalse();
        replayed.StatusCode.ShouldBe(HttpStatusCode.Created);
        replayed.Headers.GetValues(IdempotencyFilter.ReplayedHeader).ShouldBe(["true"]);
        (await replayed.Content.ReadAsStringAsync(Ct)).ShouldBe(await taken.Content.ReadAsStringAsync(Ct));
        await using var check = node.Services.CreateAsyncScope();
        (await check.ServiceProvider.GetRequiredService<SenningenDbContext>().Operations.CountAsync(Ct)).ShouldBe(1);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("00:00:00")]
    [InlineData("-00:00:30")]
    public void IdempotencyTimeout_NotAPositiveDuration_StopsTheNodeNamingTheKey(string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Senningen:Node:Country"] = "BE",
            ["Senningen:Node:PublicUrl"] = "https://senningen.example.be/",
            ["Senningen:Node:DataDirectory"] = Path.Combine(Path.GetTempPath(), "senningen-config-test"),
            ["Senningen:Api:IdempotencyTimeout"] = value,
        }).Build();

        var problem = Should.Throw<ConfigurationProblemException>(() => NodeSettingsReader.Read(configuration));

        problem.Problems.ShouldHaveSingleItem().ShouldStartWith($"Senningen:Api:IdempotencyTimeout = '{value}' is not valid");
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, StartOperationRequest body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/operations") { Content = JsonContent.Create(body) };
        request.Headers.Add(IdempotencyFilter.Header, key);
        return await client.SendAsync(request, Ct);
    }

    /// <summary>
    /// Once armed, fails the first commit that carries a new operation, after it is committed: the request dies as if
    /// its connection had dropped there. A save that commits by itself counts, so the test fails where the answer is kept later.
    /// </summary>
    private sealed class CrashAfterCommit : ISaveChangesInterceptor, IDbTransactionInterceptor
    {
        private DbContext? _carrying;

        public volatile bool Armed;

        public bool Crashed { get; private set; }

        public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Armed && eventData.Context!.ChangeTracker.Entries<Operation>().Any(e => e.State == EntityState.Added))
            {
                _carrying = eventData.Context;
            }

            return ValueTask.FromResult(result);
        }

        public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context!.Database.CurrentTransaction is null)
            {
                CrashIfCarrying(eventData.Context);
            }

            return ValueTask.FromResult(result);
        }

        public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            CrashIfCarrying(eventData.Context);
            return Task.CompletedTask;
        }

        private void CrashIfCarrying(DbContext? context)
        {
            if (context is not null && ReferenceEquals(context, _carrying))
            {
                _carrying = null;
                Armed = false;
                Crashed = true;
                throw new InvalidOperationException("The request died after its commit.");
            }
        }
    }
}

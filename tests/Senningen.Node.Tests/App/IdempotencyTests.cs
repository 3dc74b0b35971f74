using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Contracts.Operations;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.Data;

namespace Senningen.Node.Tests.App;

/// <summary>
/// The officer's app sends a queued action again when it never saw the answer: with the same Idempotency-Key the
/// node answers as the first time and does nothing twice, even when the two copies arrive at once.
/// </summary>
public sealed class IdempotencyTests : IAsyncLifetime
{
    private TestNode _node = null!;

    public async ValueTask InitializeAsync() => _node = await TestNode.StartAsync(country: "BE");

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StartOperationRequest Pursuit(string unit) =>
        new("hot-pursuit", [new OperationUnitInput(unit, null, 2)], null, null, "Fleeing vehicle", "BE-VAN", null, null, null);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(request, Ct);
    }

    private async Task<int> OperationsAsync()
    {
        await using var scope = _node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SenningenDbContext>().Operations.CountAsync(Ct);
    }

    [Fact]
    public async Task StartOperation_SentTwiceWithOneKey_StartsOne_AndTheReplayGetsTheSameAnswer()
    {
        using var officer = await _node.SignedInAsync("officer");

        using var first = await PostAsync(officer, "api/v1/operations", Pursuit("BE-1"), "start-0001-aaaa");
        using var again = await PostAsync(officer, "api/v1/operations", Pursuit("BE-1"), "start-0001-aaaa");

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        again.Headers.Location.ShouldBe(first.Headers.Location);
        (await again.Content.ReadFromJsonAsync<OperationView>(Ct))!.Id.ShouldBe((await first.Content.ReadFromJsonAsync<OperationView>(Ct))!.Id);
        (await OperationsAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task StartOperation_TwoCopiesAtOnce_StartsOne()
    {
        using var officer = await _node.SignedInAsync("officer");

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostAsync(officer, "api/v1/operations", Pursuit("BE-2"), "start-race-bbbb")));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBeGreaterThanOrEqualTo(1);
        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.Created || a.StatusCode == HttpStatusCode.Conflict);
        (await OperationsAsync()).ShouldBe(1);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task StartOperation_WithoutAKey_OrWithAnotherKey_StartsEachTime()
    {
        using var officer = await _node.SignedInAsync("officer");

        (await PostAsync(officer, "api/v1/operations", Pursuit("BE-3"), null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await PostAsync(officer, "api/v1/operations", Pursuit("BE-3"), "start-0003-cccc")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await PostAsync(officer, "api/v1/operations", Pursuit("BE-3"), "start-0004-dddd")).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await OperationsAsync()).ShouldBe(3);
    }

    [Fact]
    public async Task Positions_SentTwiceWithOneKey_AreStoredOnce_AndTheReplayCountsAsTheFirst()
    {
        using var officer = await _node.SignedInAsync("officer");
        using var started = await PostAsync(officer, "api/v1/operations", Pursuit("BE-4"), "start-0005-eeee");
        var operation = (await started.Content.ReadFromJsonAsync<OperationView>(Ct))!;
        var batch = new PositionBatch([new PositionFixInput("BE-4", 51.30, 4.60, DateTimeOffset.UtcNow.AddSeconds(-5), 80, 10, 8)]);

        using var first = await PostAsync(officer, $"api/v1/operations/{operation.Id}/positions", batch, "pos-0001-ffff");
        using var again = await PostAsync(officer, $"api/v1/operations/{operation.Id}/positions", batch, "pos-0001-ffff");

        (await first.Content.ReadFromJsonAsync<PositionBatchResult>(Ct))!.Accepted.ShouldBe(1);
        again.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await again.Content.ReadFromJsonAsync<PositionBatchResult>(Ct))!.Accepted.ShouldBe(1);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("has spaces in it")]
    public async Task StartOperation_WithAMalformedKey_Is400NamingTheHeader_AndStartsNothing(string key)
    {
        using var officer = await _node.SignedInAsync("officer");

        using var response = await PostAsync(officer, "api/v1/operations", Pursuit("BE-5"), key);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<ProblemBody>(Ct);
        problem!.Errors!.ShouldContain(e => e.Field == "Idempotency-Key" && e.Rule == "format");
        (await OperationsAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task AKeyReusedForAnotherRequest_Is400_AndAFailedRequestKeepsNoKey()
    {
        using var officer = await _node.SignedInAsync("officer");
        using var refused = await PostAsync(officer, "api/v1/operations", Pursuit("") with { Reason = null }, "start-0006-gggg");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var corrected = await PostAsync(officer, "api/v1/operations", Pursuit("BE-6"), "start-0006-gggg");
        corrected.StatusCode.ShouldBe(HttpStatusCode.Created);
        var operation = (await corrected.Content.ReadFromJsonAsync<OperationView>(Ct))!;

        using var reused = await PostAsync(officer, $"api/v1/operations/{operation.Id}/positions", new PositionBatch([]), "start-0006-gggg");

        reused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await reused.Content.ReadFromJsonAsync<ProblemBody>(Ct))!.Errors!.ShouldContain(e => e.Field == "Idempotency-Key" && e.Rule == "unique");
    }
}

using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Contracts.Auth;
using Senningen.Contracts.Operations;
using Senningen.Node.Features.Operations.Data;
using Senningen.Testing;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;
using static Senningen.Node.Tests.Operations.OperationSteps;

namespace Senningen.Node.Tests.Operations;

/// <summary>
/// Batches that arrive together are stored together (group commit): each still gets its own result, in its sender's
/// language, and nothing is lost or stored twice.
/// </summary>
public sealed class ConcurrentPositionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task ManyBatchesAtOnce_ForSeveralOperations_AreEachStoredOnce_WithTheirOwnCounts(Store store)
    {
        await using var node = await TestNode.StartAsync(store, "BE");
        using var officer = await node.SignedInAsync("officer");
        var operations = new List<OperationView>();
        for (var i = 0; i < 6; i++)
        {
            operations.Add(await StartPursuitAsync(officer, "BE-VAN", $"BE-A{i}", $"BE-B{i}"));
        }

        var start = DateTimeOffset.UtcNow.AddMinutes(-1);
        // Ten posts per operation, all at once; every post repeats the previous post's last second, so each carries two duplicates.
        var posts = operations.SelectMany(op => Enumerable.Range(0, 10).Select(second => (op, Fixes: FixesFor(op, start, second)))).ToList();
        var results = await Task.WhenAll(posts.Select(async post =>
        {
            var response = await officer.PostAsJsonAsync($"api/v1/operations/{post.op.Id}/positions", new PositionBatch(post.Fixes), Ct);
            response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync(Ct));
            return (await response.Content.ReadFromJsonAsync<PositionBatchResult>(Ct))!;
        }));

        results.ShouldAllBe(r => r.Rejected.Count == 0 && r.Accepted + r.Duplicates == 4);
        // 6 operations × 2 units × 11 distinct seconds: whatever the order, each fix is accepted exactly once.
        results.Sum(r => r.Accepted).ShouldBe(6 * 2 * 11);
        results.Sum(r => r.Duplicates).ShouldBe((6 * 10 * 4) - (6 * 2 * 11));
        (await QueryAsync(node, db => db.UnitFixes.CountAsync(Ct))).ShouldBe(6 * 2 * 11);
        var latest = (start + TimeSpan.FromSeconds(10)).ToUnixTimeMilliseconds();
        (await QueryAsync(node, db => db.OperationUnits.Select(u => u.LastFixAt).ToListAsync(Ct))).ShouldAllBe(t => t!.Value.ToUnixTimeMilliseconds() == latest);
    }

    [Fact]
    public async Task BatchesStoredTogether_AnswerEachSenderInItsOwnLanguage()
    {
        await using var node = await TestNode.StartAsync(Store.Sqlite, "BE");
        using var dutch = await node.SignedInAsync("officer");
        // The zone's control room may post into the patrol's pursuit (need to know); the desk may not, since issue 17.
        using (var room = await node.SignedInAsync("controlroom"))
        {
            (await room.PutAsJsonAsync("api/v1/me/language", new LanguageChange("fr"), Ct)).EnsureSuccessStatusCode();
        }

        using var french = await node.SignedInAsync("controlroom");
        var operation = await StartPursuitAsync(dutch, "BE-VAN", "BE-P1");
        PositionFixInput[] future = [new("BE-P1", 51.2, 4.4, DateTimeOffset.UtcNow.AddDays(1), null, null, null)];

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            var client = i % 2 == 0 ? dutch : french;
            var response = await client.PostAsJsonAsync($"api/v1/operations/{operation.Id}/positions", new PositionBatch(future), Ct);
            var result = (await response.Content.ReadFromJsonAsync<PositionBatchResult>(Ct))!;
            return (Dutch: i % 2 == 0, result.Rejected.Single().Problem);
        }));

        answers.Where(a => a.Dutch).ShouldAllBe(a => a.Problem == "time ligt te ver in de toekomst.");
        answers.Where(a => !a.Dutch).ShouldAllBe(a => a.Problem == "time se situe trop loin dans le futur.");
    }

    [Fact]
    public async Task Tracks_KeepAQuietUnitsFixes_WhenAnotherUnitReportsFarMoreOften()
    {
        await using var node = await TestNode.StartAsync(Store.Sqlite, "BE");
        using var officer = await node.SignedInAsync("officer");
        var operation = await StartPursuitAsync(officer, "BE-VAN", "BE-BUSY", "BE-QUIET");
        var start = DateTimeOffset.UtcNow.AddSeconds(-70);
        PositionFixInput[] quiet = [.. Enumerable.Range(0, 3).Select(s => new PositionFixInput("BE-QUIET", 51.2, 4.4, start.AddSeconds(s), null, null, null))];
        PositionFixInput[] busy = [.. Enumerable.Range(0, 300).Select(i => new PositionFixInput("BE-BUSY", 51.2, 4.4, start.AddSeconds(5 + (i * 0.2)), null, null, null))];
        await DriveAsync(officer, operation.Id, [.. quiet, .. busy]);

        await using var scope = node.Services.CreateAsyncScope();
        var tracks = await scope.ServiceProvider.GetRequiredService<Features.Operations.Read.OperationReader>().TracksAsync(operation.Id, 5, Ct);

        tracks["BE-QUIET"].Count.ShouldBe(3);
        tracks["BE-BUSY"].Count.ShouldBe(5);
        tracks["BE-BUSY"][^1].Time.ToUnixTimeMilliseconds().ShouldBe(start.AddSeconds(5 + (299 * 0.2)).ToUnixTimeMilliseconds());
    }

    private static PositionFixInput[] FixesFor(OperationView operation, DateTimeOffset start, int second) =>
    [
        .. operation.Units.SelectMany(u => new[] { second, second + 1 }.Select(s =>
            new PositionFixInput(u.CallSign, 51.2 + (s * 0.0001), 4.4, start + TimeSpan.FromSeconds(s), 50, 90, 5))),
    ];
}

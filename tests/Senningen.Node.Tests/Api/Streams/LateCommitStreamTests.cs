using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Contracts.Anpr;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr;
using Senningen.Node.Features.Anpr.Data;
using static Senningen.Node.Tests.Anpr.AnprSteps;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Api.Streams;

/// <summary>
/// An item whose transaction commits long after its stamp (a partner's step held in the outbox, a save that waited) is
/// still sent to a stream that has already sent later items, exactly once (ADR 0027): streams follow positions given
/// after the commit, not stamps. On PostgreSQL the test holds the transaction open across the later item; on SQLite,
/// whose one writer would make the later item wait for it, the item is stamped first and saved after the later one.
/// </summary>
public sealed class LateCommitStreamTests
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);

    // Longer than the 5 s look-behind of the streams before positions, so that they would have missed the item.
    private static readonly TimeSpan Late = TimeSpan.FromSeconds(6);

    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task AHitCommittedSecondsAfterItsStamp_IsSentAfterALaterHit_ExactlyOnce(Store store)
    {
        await using var node = await TestNode.StartAsync(store);
        await RegisterCamerasAsync(node);
        using (var admin = await node.SignedInAsync("admin"))
        {
            await ImportCsvAsync(admin, string.Join('\n', CsvHeader, Line("1-SSL-001", "stolen-vehicle", "BE"), Line("1-SSL-002", "stolen-vehicle", "BE")));
        }

        using var gateway = await node.SignedInAsync("officer");
        using var room = await node.SignedInAsync("controlroom");
        await using var stream = await SseConnection.OpenAsync(room, "api/v1/streams/anpr-hits");
        var first = await ReadAsync(gateway, "1-SSL-001");
        Hit(await stream.NextOfAsync("hit", Soon)).Id.ShouldBe(first.Id);

        // The late hit is the first one seen again, stamped now: the same zone, so the same control room may see it.
        var late = await QueryAsync(node, db => db.AnprHits.AsNoTracking().SingleAsync(h => h.Id == first.Id, Ct));
        (late.Id, late.ReceivedAt, late.FeedPosition, late.Version) = (Guid.NewGuid(), DateTimeOffset.UtcNow, null, 0);
        await using var scope = node.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        await using var transaction = store == Store.Postgres ? await StoreUncommittedAsync(context, late) : null;

        await Task.Delay(Late, Ct);
        var later = await ReadAsync(gateway, "1-SSL-002");
        Hit(await stream.NextOfAsync("hit", Soon)).Id.ShouldBe(later.Id, "the later hit is sent while the late one is not committed");

        if (transaction is null)
        {
            await using var saved = await StoreUncommittedAsync(context, late);
            await saved.CommitAsync(Ct);
        }
        else
        {
            await transaction.CommitAsync(Ct);
        }

        // As the node's own paths do after their commit.
        node.Services.GetRequiredService<ChangeFeed<HitsChanged>>().Publish(default);

        Hit(await stream.NextOfAsync("hit", Soon)).Id.ShouldBe(late.Id);
        await Should.ThrowAsync<TimeoutException>(() => stream.NextOfAsync("hit", TimeSpan.FromSeconds(2)));
        (await QueryAsync(node, db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.AnprHitRead && a.Records.Contains($"hit:{late.Id}"), Ct)))
            .ShouldBe(1, "the late hit is audited once, as it is sent once");
    }

    private static async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> StoreUncommittedAsync(SenningenDbContext db, Hit hit)
    {
        var transaction = await db.Database.BeginTransactionAsync(Ct);
        db.AnprHits.Add(hit);
        await db.SaveChangesAsync(Ct);
        return transaction;
    }

    private static async Task<HitView> ReadAsync(HttpClient gateway, string plate) =>
        (await SendAsync(gateway, new PlateReadInput(PoliceCamera, plate, null, "BE", 0.97, DateTimeOffset.UtcNow.AddSeconds(-5), 51.48, 4.75)))
        .Hits.ShouldHaveSingleItem();

    private static HitView Hit(SseEvent e) => System.Text.Json.JsonSerializer.Deserialize<HitView>(e.Data, Web)!;
}

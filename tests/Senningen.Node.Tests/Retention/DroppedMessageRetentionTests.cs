using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Senningen.Contracts.Retention;
using Senningen.Core.Exchange;
using Senningen.Core.Retention;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Features.Retention;
using Senningen.Node.Features.Retention.Overview;
using Senningen.Node.Features.Retention.Purging;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;
using static Senningen.Node.Tests.Retention.RetentionSeeds;

namespace Senningen.Node.Tests.Retention;

/// <summary>
/// Received messages an operator dropped keep only their envelope once their period is over, counted from the drop: the
/// payload, the case and the operator's reason go; a hold keeps one; a parked message (still the operators' to decide)
/// and a handled one (the exchange-message kind's, longer) are left alone.
/// </summary>
public sealed class DroppedMessageRetentionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task DroppedMessagesPastTheirPeriod_LoseTheirContent_AuditedOnce_WhileHeldParkedHandledAndRecentOnesStay(Store store)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 6, 1, 8, 0, 0, TimeSpan.Zero));
        await using var node = await TestNode.StartAsync(store, "BE", null, s => s.AddSingleton<TimeProvider>(clock));
        var period = node.Services.GetRequiredService<RetentionSettings>().RuleFor(RetentionKinds.DroppedMessage).Period;
        var (now, day) = (clock.GetUtcNow(), TimeSpan.FromDays(1));
        var (old, held, recent, parked, handled) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await QueryAsync(node, db =>
        {
            db.Inbox.AddRange(Dropped(old, now - period - day), Dropped(held, now - period - day), Dropped(recent, now - period + day),
                Received(handled, now - period - day));
            var stuck = Received(parked, now - period - day);
            (stuck.Status, stuck.HandledAt, stuck.LastError) = (InboxStatus.Parked, null, "handler failed for Peeters");
            db.Inbox.Add(stuck);
            return db.SaveChangesAsync(Ct);
        });
        using var dpo = await node.SignedInAsync("dpo");
        using var hold = await dpo.PostAsJsonAsync("api/v1/retention/holds", new PlaceHoldRequest(null, [held], "complaint about the drop", null), Ct);
        hold.StatusCode.ShouldBe(HttpStatusCode.Created);

        var first = await PurgeAsync(node);
        var again = await PurgeAsync(node);

        first.Single(k => k.Kind == RetentionKinds.DroppedMessage).Count.ShouldBe(1);
        first.Single(k => k.Kind == RetentionKinds.ExchangeMessage).Count.ShouldBe(0, "a handled message a month old is within its own period");
        again.Single(k => k.Kind == RetentionKinds.DroppedMessage).Count.ShouldBe(0);
        var rows = await QueryAsync(node, db => db.Inbox.AsNoTracking().ToDictionaryAsync(m => m.Id, Ct));
        (rows[old].Payload, rows[old].CaseReference, rows[old].LastError).ShouldBe(("{}", (string?)null, (string?)RejectionReasons.DroppedByOperator));
        (rows[old].Signature, rows[old].EnvelopeHash, rows[old].Status).ShouldBe(("s", "h", InboxStatus.Dropped), "the envelope stays as proof");
        foreach (var kept in new[] { held, recent, parked, handled })
        {
            rows[kept].Payload.ShouldContain("Peeters", customMessage: $"{kept} keeps its content");
        }

        rows[held].LastError.ShouldStartWith(RejectionReasons.DroppedByOperator + ": sender's data");
        var audit = await QueryAsync(node, db => db.AuditEntries.Where(e => e.Action == "retention.purged" && e.Detail!.StartsWith(RetentionKinds.DroppedMessage))
            .Select(e => e.Detail!).ToListAsync(Ct));
        audit.ShouldHaveSingleItem().ShouldStartWith("dropped-message: 1 record(s) counted from message-completion before");
        audit[0].ShouldContain("anonymised (payload, caseReference, lastError)");
        await using var scope = node.Services.CreateAsyncScope();
        var overview = await scope.ServiceProvider.GetRequiredService<RetentionOverview>().ReadAsync(Ct);
        overview.Kinds.Single(k => k.Rule.Kind == RetentionKinds.DroppedMessage).Kept.ShouldSatisfyAllConditions(
            k => k.Count.ShouldBe(2), k => k.Oldest.ShouldBe(now - period - day));
    }

    private static InboxMessage Dropped(Guid id, DateTimeOffset droppedAt)
    {
        var message = Received(id, droppedAt);
        (message.Status, message.LastError) = (InboxStatus.Dropped, $"{RejectionReasons.DroppedByOperator}: sender's data on Peeters unreadable");
        return message;
    }

    private static async Task<IReadOnlyList<KindPurged>> PurgeAsync(TestNode node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PurgeExpired>().RunAsync(Ct);
    }
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Contracts.Exchange;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Exchange;

/// <summary>
/// One message that fails every time (ADR 0008): after <c>ParkAfterAttempts</c> tries it is parked, the later messages of
/// its conversation wait behind it and other conversations do not, and an operator retries or drops it.
/// </summary>
public sealed class ParkingTests : IAsyncLifetime
{
    private const int ParkAfter = 3;
    private readonly PoisonSwitch _poison = new();
    private TestNetwork _network = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestNode Belgium => _network["BE"];

    private TestNode Netherlands => _network["NL"];

    public async ValueTask InitializeAsync() =>
        _network = await TestNetwork.StartAsync(["BE", "NL"],
            settings: _ => new Dictionary<string, string?> { ["Senningen:Exchange:ParkAfterAttempts"] = ParkAfter.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            services: (_, s) =>
            {
                s.AddSingleton(_poison);
                s.AddMessageType<PoisonPayload, PoisonHandler>(PoisonHandler.MessageType, 1);
            });

    public async ValueTask DisposeAsync() => await _network.DisposeAsync();

    [Fact]
    public async Task HandlerFailingEveryTime_IsParkedAfterNTries_HoldsOnlyItsConversation_AndARetryAfterTheFixHandlesEachOnce()
    {
        _poison.Failing[2] = true;
        var (conversation, other) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var ids = await EnqueueAsync(Belgium, "NL", 4, conversation, PoisonHandler.MessageType, i => new PoisonPayload(i + 1));
        await EnqueueAsync(Belgium, "NL", 2, other, PoisonHandler.MessageType, i => new PoisonPayload(i + 10));

        var parked = await ParkedAsync(ids[1]);

        parked.HandleAttempts.ShouldBe(ParkAfter);
        (await EffectsAsync(conversation)).ShouldBe(["1"]);
        (await EffectsAsync(other)).ShouldBe(["10", "11"], "another conversation does not wait");
        (await StatusesAsync(ids)).ShouldBe([InboxStatus.Handled, InboxStatus.Parked, InboxStatus.Accepted, InboxStatus.Accepted]);
        (await QueryAsync(Netherlands, db => db.AuditEntries.CountAsync(e => e.Action == "exchange.parked" && e.Records.Contains(ids[1].ToString()), Ct))).ShouldBe(1);

        using var operator_ = await Netherlands.SignedInAsync("controlroom");
        var listed = (await operator_.GetFromJsonAsync<List<ParkedMessageView>>("api/v1/exchange/parked", Ct)).ShouldNotBeNull().ShouldHaveSingleItem();
        (listed.Message.Id, listed.Message.Status, listed.Message.Direction, listed.WaitingBehind).ShouldBe((ids[1], "parked", "in", 2));

        _poison.Failing.Clear();
        using var retried = await operator_.PostAsync($"api/v1/exchange/messages/{ids[1]}/retry", null, Ct);

        retried.StatusCode.ShouldBe(HttpStatusCode.OK);
        await EventuallyAsync(async () => (await EffectsAsync(conversation)).Count == 4, "the conversation is handled to its end");
        (await EffectsAsync(conversation)).ShouldBe(["1", "2", "3", "4"], "each once, in order");
        (await QueryAsync(Netherlands, db => db.AuditEntries.CountAsync(e => e.Action == "exchange.retried" && e.Actor == "controlroom", Ct))).ShouldBe(1);
        (await operator_.GetFromJsonAsync<List<ParkedMessageView>>("api/v1/exchange/parked", Ct)).ShouldNotBeNull().ShouldBeEmpty();
    }

    [Fact]
    public async Task DroppedMessage_IsAudited_ReleasesItsConversation_AndTheSenderHoldsTheSignedRejection()
    {
        _poison.Failing[1] = true;
        var conversation = Guid.CreateVersion7();
        var ids = await EnqueueAsync(Belgium, "NL", 2, conversation, PoisonHandler.MessageType, i => new PoisonPayload(i + 1));
        await ParkedAsync(ids[0]);
        using var operator_ = await Netherlands.SignedInAsync("controlroom");

        using var dropped = await operator_.PostAsJsonAsync($"api/v1/exchange/messages/{ids[0]}/drop", new DropMessageRequest("payload cannot be handled here"), Ct);

        dropped.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await dropped.Content.ReadFromJsonAsync<ExchangeMessageView>(Ct))!.Status.ShouldBe("dropped");
        await EventuallyAsync(async () => (await EffectsAsync(conversation)).Count == 1, "the message behind the dropped one is handled");
        (await EffectsAsync(conversation)).ShouldBe(["2"]);
        var audit = await QueryAsync(Netherlands, db => db.AuditEntries.SingleAsync(e => e.Action == "exchange.dropped", Ct));
        (audit.Actor, audit.Detail).ShouldBe(("controlroom", $"in {PoisonHandler.MessageType} from BE: payload cannot be handled here"));

        // Belgium's copy turns from receipted to rejected, with the Dutch node's rejection of that very envelope.
        await EventuallyAsync(async () => await QueryAsync(Belgium, db => db.Outbox.AnyAsync(m => m.Id == ids[0] && m.Status == OutboxStatus.Rejected, Ct)),
            "Belgium holds the rejection of the dropped message");
        var sent = await QueryAsync(Belgium, db => db.Outbox.SingleAsync(m => m.Id == ids[0], Ct));
        sent.LastError.ShouldBe($"{RejectionReasons.DroppedByOperator}: payload cannot be handled here");
        var receipt = System.Text.Json.JsonSerializer.Deserialize<ReceiptWire>(sent.Receipt!, WireMapping.Json)!;
        (receipt.Status, receipt.Reason, receipt.MessageId).ShouldBe(("Rejected", RejectionReasons.DroppedByOperator, ids[0]));
        (await QueryAsync(Belgium, db => db.AuditEntries.CountAsync(e => e.Action == "exchange.rejected" && e.Records.Contains(ids[0].ToString()), Ct))).ShouldBe(1);
    }

    [Fact]
    public async Task RetryOrDropOfAMessageThatIsNotParked_Is409NamingTheRule_AndADropWithoutReasonIs400()
    {
        _poison.Failing[1] = true;
        var ids = await EnqueueAsync(Belgium, "NL", 1, null, PoisonHandler.MessageType, _ => new PoisonPayload(1));
        var handled = await EnqueueAsync(Belgium, "NL", 1, null, PoisonHandler.MessageType, _ => new PoisonPayload(5));
        await ParkedAsync(ids[0]);
        await EventuallyAsync(async () => (await StatusesAsync(handled)).Single() == InboxStatus.Handled, "the other message is handled");
        using var operator_ = await Netherlands.SignedInAsync("controlroom");
        var audited = await QueryAsync(Netherlands, db => db.AuditEntries.CountAsync(e => e.Action == "exchange.retried" || e.Action == "exchange.dropped", Ct));

        using var retry = await operator_.PostAsync($"api/v1/exchange/messages/{handled[0]}/retry", null, Ct);
        using var drop = await operator_.PostAsJsonAsync($"api/v1/exchange/messages/{handled[0]}/drop", new DropMessageRequest("no"), Ct);
        using var noReason = await operator_.PostAsJsonAsync($"api/v1/exchange/messages/{ids[0]}/drop", new DropMessageRequest("  "), Ct);
        using var missing = await operator_.PostAsync($"api/v1/exchange/messages/{Guid.CreateVersion7()}/retry", null, Ct);
        using var badId = await operator_.PostAsync("api/v1/exchange/messages/not-an-id/retry", null, Ct);

        foreach (var conflict in new[] { retry, drop })
        {
            conflict.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            var field = (await conflict.Content.ReadFromJsonAsync<ProblemBody>(Ct))!.Errors.ShouldNotBeNull().ShouldHaveSingleItem();
            (field.Field, field.Rule).ShouldBe(("id", "parked"));
        }

        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var reason = (await noReason.Content.ReadFromJsonAsync<ProblemBody>(Ct))!.Errors.ShouldNotBeNull().ShouldHaveSingleItem();
        (reason.Field, reason.Rule).ShouldBe(("reason", "required"));
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        badId.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await StatusesAsync(ids)).ShouldBe([InboxStatus.Parked]);
        (await QueryAsync(Netherlands, db => db.AuditEntries.CountAsync(e => e.Action == "exchange.retried" || e.Action == "exchange.dropped", Ct))).ShouldBe(audited);
    }

    private async Task<InboxMessage> ParkedAsync(Guid id)
    {
        await EventuallyAsync(async () => await QueryAsync(Netherlands, db => db.Inbox.AnyAsync(m => m.Id == id && m.Status == InboxStatus.Parked, Ct)),
            $"message {id} is parked");
        return await QueryAsync(Netherlands, db => db.Inbox.AsNoTracking().SingleAsync(m => m.Id == id, Ct));
    }

    private async Task<List<InboxStatus>> StatusesAsync(List<Guid> ids)
    {
        var rows = await QueryAsync(Netherlands, db => db.Inbox.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(Ct));
        return [.. ids.Select(id => rows.Single(r => r.Id == id).Status)];
    }

    private Task<List<string>> EffectsAsync(Guid conversation) => QueryAsync(Netherlands, async db =>
        (await db.AuditEntries.Where(e => e.Action == PoisonHandler.EffectAction && e.Records.Contains(conversation.ToString()))
            .OrderBy(e => e.Sequence).Select(e => e.Records).ToListAsync(Ct)).Select(r => r.Split(':')[^1].TrimEnd('"', ']')).ToList());
}

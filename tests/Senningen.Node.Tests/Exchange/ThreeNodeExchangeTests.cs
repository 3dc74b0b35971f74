using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Exchange;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Exchange;

/// <summary>BE, NL and LU as real nodes on loopback ports, talking over real HTTP.</summary>
public sealed class ThreeNodeExchangeTests : IAsyncLifetime
{
    private static readonly string[] Countries = ["BE", "NL", "LU"];
    private TestNetwork _network = null!;

    public async ValueTask InitializeAsync() => _network = await TestNetwork.StartAsync(Countries);

    public async ValueTask DisposeAsync() => await _network.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryNode_PingsEveryPartner_AndEachReceiptVerifiesWithThePartnersKey()
    {
        foreach (var from in Countries)
        {
            using var operator_ = await _network[from].SignedInAsync("controlroom");
            foreach (var to in Countries.Where(c => c != from))
            {
                var response = await operator_.PostAsJsonAsync("api/v1/exchange/ping", new PingRequest(to, $"from {from}"), Ct);
                var result = await response.Content.ReadFromJsonAsync<PingResult>(Ct);

                result!.Outcome.ShouldBe("receipted", $"{from} -> {to}: {result.Reason}");
                result.LatencyMilliseconds.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(0);
                await ReceiptVerifiesAsync(from, to, result.MessageId);
            }
        }
    }

    [Fact]
    public async Task BothSides_KeepTheSignedEnvelopeAndReceipt_AndAuditIt()
    {
        var ids = await EnqueueAsync(_network["NL"], "BE", 3);
        await EventuallyAsync(async () => await CountOutboxAsync(_network["NL"], OutboxStatus.Receipted) == 3, "NL has three receipts");

        using var belgianAdmin = await _network["BE"].SignedInAsync("admin");
        var received = await belgianAdmin.GetFromJsonAsync<ExchangeMessageDetail>($"api/v1/exchange/messages/{ids[0]}", Ct);
        received!.Message.Direction.ShouldBe("in");
        received.Envelope.Signature.ShouldNotBeNullOrEmpty();
        received.Receipt!.Status.ShouldBe("Accepted");
        var sentAudit = await QueryAsync(_network["NL"], db => db.AuditEntries.CountAsync(e => e.Action == "exchange.sent" && e.Recipient == "BE"));
        var receivedAudit = await QueryAsync(_network["BE"], db => db.AuditEntries.CountAsync(e => e.Action == "exchange.received"));
        sentAudit.ShouldBe(3);
        receivedAudit.ShouldBe(3);
        (await QueryAsync(_network["BE"], db => db.AuditEntries.CountAsync(e => e.Action == "exchange.read" && e.Actor == "admin"))).ShouldBe(1);
    }

    [Fact]
    public async Task Status_ShowsEachPartnerWithItsCircuitAndLastSuccess()
    {
        await EnqueueAsync(_network["LU"], "BE", 1);
        await EventuallyAsync(async () => await CountOutboxAsync(_network["LU"], OutboxStatus.Receipted) == 1, "LU has a receipt");
        using var admin = await _network["LU"].SignedInAsync("admin");

        var status = await admin.GetFromJsonAsync<ExchangeStatusView>("api/v1/exchange/status", Ct);

        status!.Partners.Select(p => p.Partner).ShouldBe(["BE", "NL"]);
        var belgium = status.Partners[0];
        belgium.Circuit.ShouldBe("Closed");
        belgium.QueueDepth.ShouldBe(0);
        belgium.LastSuccess.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("{\"partner\":\"FR\"}", "partner", "country-code")]
    [InlineData("{\"partner\":\"BE\"}", "partner", "one-of")]
    [InlineData("{}", "partner", "required")]
    public async Task Ping_BadPartner_Returns400NamingTheField(string body, string field, string rule)
    {
        using var admin = await _network["BE"].SignedInAsync("admin");

        var response = await admin.PostAsync("api/v1/exchange/ping", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<ProblemBody>(Ct);
        problem!.Errors!.ShouldContain(e => e.Field == field && e.Rule == rule);
    }

    private async Task ReceiptVerifiesAsync(string from, string to, Guid messageId)
    {
        var stored = await QueryAsync(_network[from], db => db.Outbox.SingleAsync(m => m.Id == messageId));
        var wire = JsonSerializer.Deserialize<ReceiptWire>(stored.Receipt!, WireMapping.Json)!;
        using var partnerClient = await _network[to].SignedInAsync("officer");
        var partnerKey = await partnerClient.GetFromJsonAsync<NodeKeyView>("api/v1/node/key", Ct);
        using var key = NodeKeyStore.ReadPublicKey(partnerKey!.PublicKeyPem);
        var receipt = WireMapping.ToSigned(wire)!;

        wire.KeyId.ShouldBe(partnerKey.KeyId);
        Es256.Verify(key, CanonicalForm.Of(receipt.Receipt), receipt.Signature).ShouldBeTrue();
        receipt.Receipt.EnvelopeHash.ShouldBe(CanonicalForm.Hash(WireMapping.ToEnvelope(stored, Core.Countries.CountryCode.Parse(from))));
        (await QueryAsync(_network[to], db => db.Inbox.AnyAsync(m => m.Id == messageId))).ShouldBeTrue();
    }
}

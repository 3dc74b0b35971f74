using Microsoft.EntityFrameworkCore;
using Senningen.Core.Exchange;
using Senningen.Node.Features.Consultation.Messages;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Exchange.Hostile;

/// <summary>
/// Belgium sends the Dutch node more consultation queries in one context than the Netherlands answers it per hour (a
/// quota agreed per partner and context, set as configuration): the ones above it are refused on receipt with a signed
/// rejection, change nothing, are audited once each, and the first of them alerts the Dutch DPO.
/// </summary>
public sealed class ConsultationQuotaTests : IAsyncLifetime
{
    private const int Quota = 2;
    private HostileScene _scene = null!;

    public async ValueTask InitializeAsync() => _scene = await HostileScene.StartAsync(new Dictionary<string, string?>
    {
        ["Senningen:Consultation:QueryQuotas:BE:hit-no-hit"] = Quota.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // The quota counts what the inbox accepted, handled or not; unhandled, no answer churns the outbox the tests compare.
        ["Senningen:Exchange:DispatcherEnabled"] = "false",
    });

    public async ValueTask DisposeAsync() => await _scene.DisposeAsync();

    private HostilePartner Belgium => _scene.Belgium;

    [Fact]
    public async Task QueryAboveThePartnersQuota_IsRefusedSigned_ChangesNothing_AuditedOnce_AndAlertsTheDpoOnce()
    {
        foreach (var receipt in await Belgium.SendAsync(_scene.Node, [.. Enumerable.Range(0, Quota).Select(_ => Query("hit-no-hit"))]))
        {
            receipt.Status.ShouldBe("Accepted");
        }

        var (before, audited) = (await StoreSnapshot.TakeAsync(_scene.Node), await _scene.AuditCountAsync());

        var refused = await Belgium.SendAsync(_scene.Node, Query("hit-no-hit"));

        (refused.Status, refused.Reason).ShouldBe(("Rejected", RejectionReasons.ConsultationQuotaExceeded));
        await _scene.ExpectUnchangedAsync(before);
        var added = await _scene.AuditSinceAsync(audited);
        added.Count.ShouldBe(2);
        added.Where(e => e.Action == "exchange.refused" && e.Outcome == "denied").ShouldHaveSingleItem()
            .Detail.ShouldNotBeNull().ShouldEndWith(RejectionReasons.ConsultationQuotaExceeded);
        added.Where(e => e.Action == "consultation.quota-alert").ShouldHaveSingleItem().Detail.ShouldNotBeNull().ShouldStartWith($"BE sent more than its {Quota} hit-no-hit queries");

        // The DPO has been alerted once: a further query is refused and audited, without a second alert.
        await _scene.ExpectRefusedAsync(Belgium, Query("hit-no-hit"), RejectionReasons.ConsultationQuotaExceeded);
    }

    [Fact]
    public async Task QuotaIsPerContext_AndABatchCannotSlipPastIt()
    {
        var receipts = await Belgium.SendAsync(_scene.Node, [.. Enumerable.Range(0, Quota + 2).Select(_ => Query("hit-no-hit")), Query("formal-request")]);

        receipts.Select(r => r.Reason).ShouldBe([null, null, RejectionReasons.ConsultationQuotaExceeded, RejectionReasons.ConsultationQuotaExceeded, null]);
        (await QueryAsync(_scene.Node, db => db.Inbox.CountAsync(m => m.Type == QueryPayload.Type))).ShouldBe(Quota + 1);
    }

    private Contracts.Exchange.EnvelopeWire Query(string context) => Belgium.Sign(Belgium.Envelope(_scene.Node, QueryPayload.Type,
        new QueryPayload(Guid.CreateVersion7(), context, "vehicles", null, "1-ABC-123", null, "hostile test", "HOSTILE-1", "officer@BE")));
}

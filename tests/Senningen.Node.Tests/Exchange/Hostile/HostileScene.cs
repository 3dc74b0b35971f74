using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Exchange;
using Senningen.Node.Common.Audit;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Exchange.Hostile;

/// <summary>
/// One real Dutch node that trusts two partners played by the test, Belgium and Luxembourg (<see cref="HostilePartner"/>):
/// what they sign passes the signature check, so only the node's own rules stand between them and its data.
/// </summary>
internal sealed class HostileScene : IAsyncDisposable
{
    private HostileScene(TestNode node, HostilePartner belgium, HostilePartner luxembourg) =>
        (Node, Belgium, Luxembourg) = (node, belgium, luxembourg);

    public TestNode Node { get; }

    public HostilePartner Belgium { get; }

    public HostilePartner Luxembourg { get; }

    public static async Task<HostileScene> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var (belgium, luxembourg) = (HostilePartner.Create("BE"), HostilePartner.Create("LU"));
        var values = new Dictionary<string, string?>(belgium.PartnerSettings(0))
        {
            // Nobody acknowledges the alerts of these tests; their escalation would change the stores the tests compare.
            ["Senningen:Operations:AcknowledgeWithin"] = "01:00:00",
        };
        foreach (var (key, value) in luxembourg.PartnerSettings(1).Concat(settings ?? new Dictionary<string, string?>()))
        {
            values[key] = value;
        }

        return new HostileScene(await TestNode.StartAsync(country: "NL", settings: values), belgium, luxembourg);
    }

    public Task<long> AuditCountAsync() => QueryAsync(Node, db => db.AuditEntries.LongCountAsync());

    public Task<List<AuditEntry>> AuditSinceAsync(long count) =>
        QueryAsync(Node, db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).Skip((int)count).ToListAsync());

    /// <summary>
    /// Sends the envelope and checks everything a refusal must be: a rejection signed by the node naming
    /// <paramref name="rule"/>, nothing changed in any of the node's tables, and exactly one audit entry, a denial naming the rule.
    /// </summary>
    public async Task<ReceiptWire> ExpectRefusedAsync(HostilePartner from, EnvelopeWire envelope, string rule)
    {
        var (before, audited) = (await StoreSnapshot.TakeAsync(Node), await AuditCountAsync());

        var receipt = await from.SendAsync(Node, envelope);

        (receipt.Status, receipt.Reason, receipt.MessageId).ShouldBe(("Rejected", rule, envelope.Id));
        await ExpectUnchangedAsync(before);
        var added = await AuditSinceAsync(audited);
        var denial = added.ShouldHaveSingleItem();
        denial.Outcome.ShouldBe(AuditOutcomes.Denied);
        denial.Detail.ShouldNotBeNull().ShouldEndWith(rule);
        return receipt;
    }

    /// <summary>A refused envelope is never stored, so there is nothing to wait for: the inbox table is one of those compared.</summary>
    public async Task ExpectUnchangedAsync(StoreSnapshot before) => (await StoreSnapshot.TakeAsync(Node)).ChangedSince(before).ShouldBeEmpty();

    /// <summary>Waits until the inbox has handled everything it accepted.</summary>
    public Task HandledAsync() => EventuallyAsync(async () =>
            await QueryAsync(Node, db => db.Inbox.CountAsync(m => m.Status != Common.Exchange.Data.InboxStatus.Handled)) == 0,
        "the Dutch inbox has handled every accepted message");

    public async ValueTask DisposeAsync()
    {
        await Node.DisposeAsync();
        Belgium.Dispose();
        Luxembourg.Dispose();
    }
}

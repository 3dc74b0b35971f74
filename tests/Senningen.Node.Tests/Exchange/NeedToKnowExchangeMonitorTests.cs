using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Exchange;
using Senningen.Node.Common.Audit;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Exchange;

/// <summary>
/// Need to know in the Exchange monitor: every reader sees a message's metadata, signature and receipt, but a payload with
/// personal data only as the business page would show it: the desk always, a control room when the payload is
/// in one of its zones, an administrator never (a localized marker instead). Every opening is audited exactly once.
/// </summary>
public sealed class NeedToKnowExchangeMonitorTests : IAsyncLifetime
{
    // The marker is in the reader's language: the demo's administrator reads English, the Belgian control room Dutch.
    private static readonly Dictionary<string, string> Redacted = new()
    {
        ["admin"] = "redacted: need to know", ["controlroom"] = "afgeschermd: need to know", ["liaison"] = "afgeschermd: need to know",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestNetwork _network = null!;
    private readonly Dictionary<string, Guid> _messages = [];

    public async ValueTask InitializeAsync()
    {
        _network = await TestNetwork.StartAsync(["BE", "NL"]);
        var be = _network["BE"];
        // A hit seen at Meer (zone BE-VAN, the demo control room's), one seen at Jabbeke (another Belgian zone), a consultation
        // query (a unit's, no zone) and a ping (nobody's data).
        _messages["hit-van"] = (await EnqueueAsync(be, "NL", 1, type: "anpr.hit",
            payload: _ => new { hitId = Guid.NewGuid(), plate = "1KLM385", lat = 51.48, lon = 4.75 }))[0];
        _messages["hit-west"] = (await EnqueueAsync(be, "NL", 1, type: "anpr.hit",
            payload: _ => new { hitId = Guid.NewGuid(), plate = "1STP003", lat = 51.2, lon = 3.1 }))[0];
        _messages["query"] = (await EnqueueAsync(be, "NL", 1, type: "consultation.query",
            payload: _ => new { searchId = Guid.NewGuid(), surname = "Peeters", purpose = "identity check" }))[0];
        _messages["ping"] = (await EnqueueAsync(be, "NL", 1))[0];
    }

    public async ValueTask DisposeAsync() => await _network.DisposeAsync();

    [Theory]
    [InlineData("admin", "ping")]
    [InlineData("liaison", "hit-van hit-west query ping")]
    [InlineData("controlroom", "hit-van ping")]
    public async Task PersonalPayloads_AreShownOnlyToWhomNeedToKnowGives_AndEachOpeningIsAuditedOnce(string reader, string shown)
    {
        var be = _network["BE"];
        using var client = await be.SignedInAsync(reader);
        foreach (var (name, id) in _messages)
        {
            var before = await CountReadsAsync(reader, id);

            var response = await client.GetAsync($"api/v1/exchange/messages/{id}", Ct);

            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
            var detail = (await response.Content.ReadFromJsonAsync<ExchangeMessageDetail>(Ct))!;
            var visible = shown.Split(' ').Contains(name);
            detail.PayloadRedacted.ShouldBe(!visible, $"{reader} opens {name}");
            if (visible)
            {
                detail.Envelope.Payload.ShouldNotBe(Redacted[reader]);
                detail.Envelope.Payload.ShouldStartWith("{");
            }
            else
            {
                detail.Envelope.Payload.ShouldBe(Redacted[reader]);
            }

            // Metadata and proof stay whatever the payload shows.
            (detail.Message.Id, detail.Message.Partner, detail.Envelope.Id).ShouldBe((id, "NL", id));
            detail.Envelope.Signature.ShouldNotBeNullOrEmpty();
            (await CountReadsAsync(reader, id) - before).ShouldBe(1, $"{reader} opens {name}");
        }
    }

    private Task<int> CountReadsAsync(string actor, Guid message) => QueryAsync(_network["BE"], db =>
        db.AuditEntries.CountAsync(e => e.Actor == actor && e.Action == AuditActions.MessageRead && e.Records == $"message:{message}", Ct));
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Exchange;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Exchange.Hostile;

/// <summary>
/// Belgium, trusted and signing correctly, sends what no honest node sends: too much, too deep, twice, or to someone else.
/// </summary>
public sealed class EnvelopeLimitsTests : IAsyncLifetime
{
    private HostileScene _scene = null!;

    // The body limit is raised so that a payload over its own limit still reaches the node's inspection.
    public async ValueTask InitializeAsync() =>
        _scene = await HostileScene.StartAsync(new Dictionary<string, string?> { ["Senningen:Api:MaxRequestBodyBytes"] = "8388608" });

    public async ValueTask DisposeAsync() => await _scene.DisposeAsync();

    private HostilePartner Belgium => _scene.Belgium;

    [Fact]
    public async Task PayloadOverTheSizeLimit_IsRefused() =>
        await _scene.ExpectRefusedAsync(Belgium, Ping(new string('x', EnvelopeInspection.MaxPayloadChars + 1)), RejectionReasons.PayloadTooLarge);

    [Fact]
    public async Task PayloadNestedDeeperThanAnyContract_IsRefusedBeforeAnyJsonReaderSeesIt()
    {
        var deep = "{\"note\":" + new string('[', 50_000) + new string(']', 50_000) + "}";

        await _scene.ExpectRefusedAsync(Belgium, Belgium.Sign(Belgium.Envelope(_scene.Node, PingPayload.Type, deep)), RejectionReasons.PayloadTooDeep);
    }

    [Fact]
    public async Task MessageForAnotherRecipient_IsRefused() =>
        await _scene.ExpectRefusedAsync(Belgium, Belgium.Sign(Belgium.Envelope(_scene.Node, PingPayload.Type, new PingPayload("for LU"),
            recipientCountry: "LU")), RejectionReasons.WrongRecipient);

    [Fact]
    public async Task ReplayOfAReceivedEnvelope_GetsTheFirstReceipt_AndHasNoSecondEffect()
    {
        var envelope = Ping("once");
        var first = await Belgium.SendAsync(_scene.Node, envelope);
        await _scene.HandledAsync();
        var (before, audited) = (await StoreSnapshot.TakeAsync(_scene.Node), await _scene.AuditCountAsync());

        var again = await Belgium.SendAsync(_scene.Node, envelope);
        await _scene.HandledAsync();

        first.Status.ShouldBe("Accepted");
        again.ShouldBe(first);
        await _scene.ExpectUnchangedAsync(before);
        (await _scene.AuditSinceAsync(audited)).ShouldHaveSingleItem().Action.ShouldBe("exchange.duplicate");
        (await CountInboxAsync(_scene.Node)).ShouldBe(1);
    }

    [Fact]
    public async Task BodyOverTheRequestLimit_IsRefusedWithAProblemNamingTheRule()
    {
        var before = await StoreSnapshot.TakeAsync(_scene.Node);
        // The client declares the length and waits for the go-ahead, so it hears the node answer from the header alone.
        using var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = _scene.Node.BaseUrl,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "exchange/v1/inbox/batch")
        {
            Content = new StringContent(new string(' ', 8_388_609), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<ProblemBody>(TestContext.Current.CancellationToken))!.Errors.ShouldNotBeNull().ShouldHaveSingleItem().Rule.ShouldBe("max-size");
        await _scene.ExpectUnchangedAsync(before);
    }

    [Fact]
    public async Task BodyNestedThousandsDeep_IsRefusedWithAProblemNamingTheRule()
    {
        var before = await StoreSnapshot.TakeAsync(_scene.Node);

        using var response = await HostilePartner.PostAsync(_scene.Node, new string('[', 100_000) + new string(']', 100_000));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // System.Text.Json stops at its depth limit (64) and says no more than that the text cannot be read as envelopes.
        (await response.Content.ReadFromJsonAsync<ProblemBody>(TestContext.Current.CancellationToken))!.Errors.ShouldNotBeNull().ShouldHaveSingleItem()
            .Rule.ShouldStartWith("json-");
        await _scene.ExpectUnchangedAsync(before);
    }

    private Contracts.Exchange.EnvelopeWire Ping(string note) => Belgium.Sign(Belgium.Envelope(_scene.Node, PingPayload.Type, new PingPayload(note)));
}

using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Exchange;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Exchange.Hostile;

/// <summary>
/// France, which the Dutch node does not trust, floods its inbox. Its envelopes are refused with signed receipts until
/// its address has used the window's allowance; then the inbox answers 429 before reading anything. The refusals are
/// counted in the metrics; the audit log gets the first one and, when the window ends, one summary of the rest.
/// </summary>
public sealed class JunkFloodTests : IAsyncLifetime
{
    private const int Allowance = 20;
    private HostileScene _scene = null!;
    private HostilePartner _stranger = null!;

    public async ValueTask InitializeAsync()
    {
        _scene = await HostileScene.StartAsync(new Dictionary<string, string?>
        {
            ["Senningen:Exchange:RefusalsPerWindow"] = Allowance.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Senningen:Exchange:RefusalWindow"] = "00:00:06",
        });
        _stranger = HostilePartner.Create("FR");
    }

    public async ValueTask DisposeAsync()
    {
        _stranger.Dispose();
        await _scene.DisposeAsync();
    }

    [Fact]
    public async Task FloodFromAnUntrustedSender_IsRefusedUpToTheAllowance_ThenThrottledUnread_AndAuditedOncePerWindow()
    {
        var (before, audited) = (await StoreSnapshot.TakeAsync(_scene.Node), await _scene.AuditCountAsync());
        var refused = 0L;
        var factory = _scene.Node.Services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name is "senningen.exchange.refused" or "senningen.exchange.throttled" && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, value, _, _) => Interlocked.Add(ref refused, i.Name == "senningen.exchange.refused" ? value : 0));
        listener.Start();

        var receipts = await _stranger.SendAsync(_scene.Node, [.. Enumerable.Range(0, Allowance + 5).Select(i => Junk($"junk {i}"))]);
        using var throttled = await HostilePartner.PostAsync(_scene.Node, JsonContent.Create(new[] { Junk("one more") }));
        using var alsoThrottled = await HostilePartner.PostAsync(_scene.Node, "this is not even JSON");

        receipts.ShouldAllBe(r => r.Status == "Rejected" && r.Reason == RejectionReasons.UnknownSender);
        throttled.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        int.Parse(throttled.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 6);
        (await throttled.Content.ReadFromJsonAsync<ProblemBody>(TestContext.Current.CancellationToken))!.Errors.ShouldNotBeNull()
            .ShouldHaveSingleItem().Rule.ShouldBe("refusal-rate");
        alsoThrottled.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        // Only the envelopes that were read were refused: the throttled ones were never inspected.
        Interlocked.Read(ref refused).ShouldBe(Allowance + 5);
        (await _scene.AuditSinceAsync(audited)).ShouldHaveSingleItem().Detail.ShouldNotBeNull().ShouldEndWith(RejectionReasons.UnknownSender);
        await EventuallyAsync(async () => await _scene.AuditCountAsync() == audited + 2, "the window's summary is in the audit log");
        var summary = (await _scene.AuditSinceAsync(audited))[1];
        summary.Outcome.ShouldBe("denied");
        summary.Detail.ShouldNotBeNull().ShouldContain($"{Allowance + 4} more envelopes from 127.0.0.1 refused");
        summary.Detail.ShouldContain($"unknown-sender (claimed FR) ×{Allowance + 4}");
        await _scene.ExpectUnchangedAsync(before);
    }

    [Fact]
    public async Task PartnerWithinTheAllowance_IsNotThrottled_AfterAFewBadSignatures()
    {
        using var forger = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var belgium = _scene.Belgium;
        var forged = await belgium.SendAsync(_scene.Node, belgium.Sign(belgium.Envelope(_scene.Node, PingPayload.Type, new PingPayload("forged")), forger));

        var genuine = await belgium.SendAsync(_scene.Node, belgium.Sign(belgium.Envelope(_scene.Node, PingPayload.Type, new PingPayload("genuine"))));

        (forged.Status, forged.Reason).ShouldBe(("Rejected", RejectionReasons.BadSignature));
        genuine.Status.ShouldBe("Accepted");
    }

    private Contracts.Exchange.EnvelopeWire Junk(string note) =>
        _stranger.Sign(_stranger.Envelope(_scene.Node, PingPayload.Type, new PingPayload(note)));
}

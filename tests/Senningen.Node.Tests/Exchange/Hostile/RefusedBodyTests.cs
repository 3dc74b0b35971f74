using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Node.Common.Exchange;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Exchange.Hostile;

/// <summary>
/// Bodies the inbox refuses before reading any envelope (over the size limit, not JSON, nested too deep) cannot be
/// attributed to anyone: they are counted in the metrics per reason, and audited like the junk envelopes, the first of
/// the window as it happens and the rest in one summary when the window ends.
/// </summary>
public sealed class RefusedBodyTests : IAsyncLifetime
{
    private const int Limit = 4096;
    private HostileScene _scene = null!;

    public async ValueTask InitializeAsync() => _scene = await HostileScene.StartAsync(new Dictionary<string, string?>
    {
        ["Senningen:Api:MaxRequestBodyBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Senningen:Exchange:RefusalWindow"] = "00:00:04",
    });

    public async ValueTask DisposeAsync() => await _scene.DisposeAsync();

    [Fact]
    public async Task OversizedAndMalformedBodies_AreCountedPerReason_AndAuditedOnceAndInOneSummary()
    {
        var (before, audited) = (await StoreSnapshot.TakeAsync(_scene.Node), await _scene.AuditCountAsync());
        var reasons = new System.Collections.Concurrent.ConcurrentBag<string>();
        var factory = _scene.Node.Services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "senningen.exchange.refused" && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "reason")
                {
                    reasons.Add((string)tag.Value!);
                }
            }
        });
        listener.Start();

        using var notJson = await HostilePartner.PostAsync(_scene.Node, "this is not JSON");
        using var deep = await HostilePartner.PostAsync(_scene.Node, new string('[', 1000) + new string(']', 1000));
        using var huge = await HostilePartner.PostAsync(_scene.Node, "[" + new string(' ', Limit) + "]");

        (notJson.StatusCode, deep.StatusCode, huge.StatusCode).ShouldBe((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge));
        reasons.Order(StringComparer.Ordinal).ShouldBe([InboxBodyRefusals.Malformed, InboxBodyRefusals.Malformed, InboxBodyRefusals.TooLarge]);
        var first = (await _scene.AuditSinceAsync(audited)).ShouldHaveSingleItem();
        (first.Action, first.Outcome).ShouldBe(("exchange.refused", "denied"));
        first.Detail.ShouldNotBeNull().ShouldEndWith(InboxBodyRefusals.Malformed);
        await EventuallyAsync(async () => await _scene.AuditCountAsync() == audited + 2, "the window's summary is in the audit log");
        var summary = (await _scene.AuditSinceAsync(audited))[1].Detail.ShouldNotBeNull();
        summary.ShouldContain("2 more envelopes from 127.0.0.1 refused");
        summary.ShouldContain($"{InboxBodyRefusals.Malformed} (claimed ?) ×1");
        summary.ShouldContain($"{InboxBodyRefusals.TooLarge} (claimed ?) ×1");
        await _scene.ExpectUnchangedAsync(before);
    }
}

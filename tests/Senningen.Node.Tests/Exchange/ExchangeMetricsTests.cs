using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Node.Common.Exchange;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Exchange;

public sealed class ExchangeMetricsTests
{
    [Fact]
    public async Task Gauges_ShowTheQueueToAPartnerThatIsDown_AndItsCircuit()
    {
        await using var network = await TestNetwork.CreateAsync(["BE", "NL"],
            settings: _ => new Dictionary<string, string?> { ["Senningen:Exchange:DispatcherEnabled"] = "false" });
        var belgium = network["BE"];
        await belgium.StartAgainAsync();
        _ = belgium.Services.GetRequiredService<ExchangeMetrics>();
        await EnqueueAsync(belgium, "NL", 3);
        var seen = new Dictionary<string, double>();
        // Other tests run nodes in this process too; only this node's meters (made by its own factory) count.
        var factory = belgium.Services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name.StartsWith("senningen.exchange.", StringComparison.Ordinal) && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => seen[$"{i.Name}/{tags[0].Value}"] = value);
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) => seen[$"{i.Name}/{tags[0].Value}"] = value);
        listener.SetMeasurementEventCallback<int>((i, value, tags, _) => seen[$"{i.Name}/{tags[0].Value}"] = value);
        listener.Start();

        listener.RecordObservableInstruments();

        seen["senningen.exchange.queue.depth/NL"].ShouldBe(3);
        seen["senningen.exchange.queue.oldest.age/NL"].ShouldBeGreaterThanOrEqualTo(0);
        seen["senningen.exchange.circuit.open/NL"].ShouldBe(0);
    }
}

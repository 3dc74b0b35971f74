using Senningen.Contracts.Exchange;
using Senningen.Core.Countries;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Features.Exchange.Ping;

/// <summary>A signed round trip to a partner through the real outbox, dispatcher, inbox and receipt.</summary>
public sealed class PingPartner(SenningenDbContext db, Outbox outbox, DispatchSignal signal, NodeSettings settings, TimeProvider clock)
{
    public async Task<PingResult> PingAsync(CountryCode partner, string? note, CancellationToken ct)
    {
        var message = await outbox.EnqueueAsync(partner, PingPayload.Type, 1, new PingPayload(note), lifetime: TimeSpan.FromMinutes(1),
            cancellationToken: ct);
        var delivered = signal.WhenDelivered(message.Id);
        await db.SaveChangesAsync(ct);
        var committed = message.CreatedAt;
        try
        {
            var outcome = await delivered.WaitAsync(2 * settings.Exchange.DeliveryTimeout, clock, ct);
            var latency = outcome.Outcome == "receipted" ? (outcome.At - committed).TotalMilliseconds : (double?)null;
            return new PingResult(partner.Value, message.Id, outcome.Outcome, latency, outcome.Reason);
        }
        catch (TimeoutException)
        {
            signal.Forget(message.Id);
            return new PingResult(partner.Value, message.Id, "pending", null, "no receipt yet; the message stays queued until it expires");
        }
    }
}

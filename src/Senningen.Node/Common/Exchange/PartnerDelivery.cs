using System.Net.Http.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Senningen.Contracts.Exchange;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange.Data;

namespace Senningen.Node.Common.Exchange;

/// <summary>Posts one envelope to its partner and accepts the answer only as a receipt the partner verifiably signed for it.</summary>
internal sealed class PartnerDelivery(IHttpClientFactory http, PartnerLinks links, NodeSettings settings, TimeProvider clock)
{
    public const string ClientName = "exchange";

    public async Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        var recipient = Core.Countries.CountryCode.Parse(message.Recipient);
        if (links.Find(recipient) is not { } link)
        {
            return new DeliveryResult(message.Id, DeliveryKind.Failed, null, $"{recipient} is no longer a configured partner");
        }

        try
        {
            var client = http.CreateClient(ClientName);
            var wire = WireMapping.ToWire(message, settings.Country);
            using var response = await link.Pipeline.ExecuteAsync(
                async token => await client.PostAsJsonAsync(new Uri(link.Partner.BaseUrl, "exchange/v1/inbox"), wire, WireMapping.Json, token), ct);
            if (!response.IsSuccessStatusCode)
            {
                return Fail(link, message, $"HTTP {(int)response.StatusCode} from {recipient}");
            }

            var receipt = await response.Content.ReadFromJsonAsync<ReceiptWire>(WireMapping.Json, ct);
            return Judge(link, message, receipt);
        }
        catch (BrokenCircuitException)
        {
            return new DeliveryResult(message.Id, DeliveryKind.Deferred, null, $"circuit to {recipient} is open after repeated failures");
        }
        catch (TimeoutRejectedException)
        {
            return Fail(link, message, $"{recipient} did not answer within {settings.Exchange.DeliveryTimeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            return Fail(link, message, $"cannot reach {recipient}: {ex.HttpRequestError}");
        }
        catch (System.Text.Json.JsonException)
        {
            return Fail(link, message, $"{recipient} answered with something that is not a receipt");
        }
    }

    private DeliveryResult Judge(PartnerLink link, OutboxMessage message, ReceiptWire? wire)
    {
        var signed = wire is null ? null : WireMapping.ToSigned(wire);
        var envelope = WireMapping.ToEnvelope(message, settings.Country);
        if (signed is null
            || signed.Receipt.MessageId != message.Id
            || signed.Receipt.Receiver != link.Partner.Country
            || !string.Equals(signed.KeyId, link.Partner.KeyId, StringComparison.Ordinal)
            || !string.Equals(signed.Receipt.EnvelopeHash, CanonicalForm.Hash(envelope), StringComparison.Ordinal)
            || !Es256.Verify(link.Partner.PublicKey, CanonicalForm.Of(signed.Receipt), signed.Signature))
        {
            return Fail(link, message, $"{link.Partner.Country} answered with a receipt that does not verify");
        }

        link.Succeeded(clock.GetUtcNow());
        var stored = System.Text.Json.JsonSerializer.Serialize(wire, WireMapping.Json);
        return signed.Receipt.Status == ReceiptStatus.Accepted
            ? new DeliveryResult(message.Id, DeliveryKind.Receipted, stored, null)
            : new DeliveryResult(message.Id, DeliveryKind.Rejected, stored, signed.Receipt.Reason);
    }

    private DeliveryResult Fail(PartnerLink link, OutboxMessage message, string error)
    {
        link.Failed(clock.GetUtcNow(), error);
        return new DeliveryResult(message.Id, DeliveryKind.Failed, null, error);
    }
}

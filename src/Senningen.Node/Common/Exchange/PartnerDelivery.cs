using System.Net.Http.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Senningen.Contracts.Exchange;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange.Data;

namespace Senningen.Node.Common.Exchange;

/// <summary>Posts envelopes to their partner and accepts an answer only as a receipt the partner verifiably signed for each.</summary>
internal sealed class PartnerDelivery(IHttpClientFactory http, PartnerLinks links, PartnerKeySets keySets, TransportRefusals refusals, NodeSettings settings,
    TimeProvider clock)
{
    /// <summary>The named HTTP client for one partner (<see cref="PartnerTls"/>: its own pool and pins).</summary>
    public static string ClientFor(Senningen.Core.Countries.CountryCode partner) => $"exchange:{partner.Value}";

    /// <summary>Sends messages for one partner in one request; each gets its own verified outcome, in order.</summary>
    public async Task<IReadOnlyList<DeliveryResult>> DeliverBatchAsync(IReadOnlyList<OutboxMessage> batch, CancellationToken ct)
    {
        var recipient = batch[0].Recipient;
        if (links.Find(recipient) is not { } link)
        {
            return AllFailed(batch, $"{recipient} is no longer a configured partner");
        }

        try
        {
            var client = http.CreateClient(ClientFor(recipient));
            var wires = batch.Select(m => WireMapping.ToWire(m, settings.Country)).ToList();
            using var response = await link.Pipeline.ExecuteAsync(
                async token => await client.PostAsJsonAsync(new Uri(link.Partner.BaseUrl, "exchange/v1/inbox/batch"), wires, WireMapping.Json, token), ct);
            if (!response.IsSuccessStatusCode)
            {
                var error = Fail(link, $"HTTP {(int)response.StatusCode} from {recipient}");
                return AnswersTheContent(response.StatusCode)
                    ? [.. batch.Select(m => new DeliveryResult(m.Id, DeliveryKind.Refused, null, error))]
                    : AllFailed(batch, error);
            }

            var receipts = await response.Content.ReadFromJsonAsync<List<ReceiptWire>>(WireMapping.Json, ct);
            if (receipts is null || receipts.Count != batch.Count)
            {
                return AllFailed(batch, Fail(link, $"{recipient} answered with the wrong number of receipts"));
            }

            // A receipt signed with a key not pinned yet: the partner rotated; learn its key set before judging.
            if (receipts.Any(r => r?.KeyId is { } kid && link.Partner.Keys.Current.Find(kid) is null))
            {
                await keySets.RefreshAsync(recipient, unlessRecent: true, ct);
            }

            return [.. batch.Select((message, i) => Judge(link, message, receipts[i]))];
        }
        catch (BrokenCircuitException)
        {
            return [.. batch.Select(m => new DeliveryResult(m.Id, DeliveryKind.Deferred, null, $"circuit to {recipient} is open after repeated failures"))];
        }
        catch (TimeoutRejectedException)
        {
            return AllFailed(batch, Fail(link, $"{recipient} did not answer within {settings.Exchange.DeliveryTimeout.TotalSeconds:0.#} s"));
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.SecureConnectionError && refusals.Last(recipient.Value, PartnerTls.Sending) is { } refused)
        {
            return AllFailed(batch, Fail(link, $"{recipient}'s TLS certificate refused: {refused}"));
        }
        catch (HttpRequestException ex)
        {
            return AllFailed(batch, Fail(link, $"cannot reach {recipient}: {ex.HttpRequestError}"));
        }
        catch (System.Text.Json.JsonException)
        {
            return AllFailed(batch, Fail(link, $"{recipient} answered with something that is not a list of receipts"));
        }
    }

    // A partner that is up and answers 4xx or 500 to these very envelopes will answer so again: that counts towards
    // parking them. A timeout, throttling or a gateway's 502-504 says the partner is busy or down, which only waits.
    private static bool AnswersTheContent(System.Net.HttpStatusCode status) =>
        (int)status is (>= 400 and < 500 and not 408 and not 429) or 500;

    private static DeliveryResult[] AllFailed(IReadOnlyList<OutboxMessage> batch, string error) =>
        [.. batch.Select(m => new DeliveryResult(m.Id, DeliveryKind.Failed, null, error))];

    private DeliveryResult Judge(PartnerLink link, OutboxMessage message, ReceiptWire? wire)
    {
        var signed = wire is null ? null : WireMapping.ToSigned(wire);
        var envelope = WireMapping.ToEnvelope(message, settings.Country);
        if (signed is null
            || signed.Receipt.MessageId != message.Id
            || signed.Receipt.Receiver != link.Partner.Country
            || !string.Equals(signed.Receipt.EnvelopeHash, CanonicalForm.Hash(envelope), StringComparison.Ordinal)
            || !link.Partner.Keys.Current.Verifies(signed.KeyId, CanonicalForm.Of(signed.Receipt), signed.Signature, clock.GetUtcNow(),
                settings.Exchange.ClockSkew))
        {
            return new DeliveryResult(message.Id, DeliveryKind.Failed, null, Fail(link, $"{link.Partner.Country} answered with a receipt that does not verify"));
        }

        link.Succeeded(clock.GetUtcNow());
        var stored = System.Text.Json.JsonSerializer.Serialize(wire, WireMapping.Json);
        return signed.Receipt.Status == ReceiptStatus.Accepted
            ? new DeliveryResult(message.Id, DeliveryKind.Receipted, stored, null)
            : new DeliveryResult(message.Id, DeliveryKind.Rejected, stored, signed.Receipt.Reason);
    }

    private string Fail(PartnerLink link, string error)
    {
        link.Failed(clock.GetUtcNow(), error);
        return error;
    }
}

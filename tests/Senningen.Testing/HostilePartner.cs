using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Senningen.Contracts.Exchange;
using Senningen.Core.Countries;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Exchange;

namespace Senningen.Testing;

/// <summary>
/// A partner node that exists only as a key, driven by the test: the real node trusts it (its country and public key
/// are in the node's partner list), so what it signs passes the signature check, and the test decides what it says.
/// It posts envelopes to the node's <c>exchange/v1/inbox/batch</c> over loopback HTTP and reads the receipts, each
/// checked against the node's own key. It takes no messages back: its address is a port nobody listens on.
/// </summary>
public sealed class HostilePartner : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private HostilePartner(CountryCode country, ECDsa? key = null)
    {
        Country = country;
        Key = key ?? ECDsa.Create(ECCurve.NamedCurves.nistP256);
        KeyId = Es256.Fingerprint(Key);
    }

    public CountryCode Country { get; }

    public ECDsa Key { get; }

    public string KeyId { get; }

    public static HostilePartner Create(string country) => new(CountryCode.ParseOrDefault(country) is { IsValid: true } code
        ? code
        : throw new ArgumentException($"{country} is not a country Senningen knows.", nameof(country)));

    /// <summary>Speaks for a real node with a key it once held (a revoked one, say), as whoever kept a copy of that key could.</summary>
    public static HostilePartner WithKey(string country, ECDsa key) => new(CountryCode.Parse(country), key);

    /// <summary>The settings that make a node trust this partner, as its partner number <paramref name="index"/>.</summary>
    public IDictionary<string, string?> PartnerSettings(int index) => new Dictionary<string, string?>
    {
        [$"Senningen:Node:Partners:{index}:Country"] = Country.Value,
        // Port 9 (discard) on loopback: nothing answers, so whatever the node sends back fails fast and stays queued.
        [$"Senningen:Node:Partners:{index}:BaseUrl"] = "http://127.0.0.1:9/",
        [$"Senningen:Node:Partners:{index}:PublicKey"] = Key.ExportSubjectPublicKeyInfoPem(),
        ["Senningen:Exchange:AllowPlainHttp"] = "true",
    };

    /// <summary>An envelope from this partner, created now and valid for an hour unless told otherwise.</summary>
    public MessageEnvelope Envelope(TestNode recipient, string type, object payload, Guid? conversation = null, long sequence = 1,
        string? caseReference = "HOSTILE-1", DateTimeOffset? created = null, string? recipientCountry = null) =>
        Envelope(recipientCountry ?? recipient.Settings["Senningen:Node:Country"]!, type,
            payload as string ?? JsonSerializer.Serialize(payload, Json), conversation, sequence, caseReference, created);

    public MessageEnvelope Envelope(string recipient, string type, string payloadJson, Guid? conversation = null, long sequence = 1,
        string? caseReference = "HOSTILE-1", DateTimeOffset? created = null)
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds((created ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds());
        // Marked as an honest node marks the type, so a case is refused for what it tests and not for a missing marking.
        var defaults = MessageDefaults.Find(type);
        return new MessageEnvelope(Guid.CreateVersion7(at), conversation ?? Guid.CreateVersion7(at), sequence, type, 1, Country,
            CountryCode.ParseOrDefault(recipient), at, at.AddHours(1), caseReference, payloadJson,
            defaults?.Handling is { } marking ? EnvelopeHandling.Of(marking) : null, MessagePriorities.WireName(defaults?.Priority ?? MessagePriority.Routine));
    }

    /// <summary>Signs with this partner's key, or with <paramref name="key"/> (a stranger's) while still naming this partner's key.</summary>
    public EnvelopeWire Sign(MessageEnvelope e, ECDsa? key = null) =>
        new(e.Id, e.ConversationId, e.Sequence, e.Type, e.Version, e.Sender.IsValid ? e.Sender.Value : "", e.Recipient.IsValid ? e.Recipient.Value : "",
            e.CreatedAt.ToUnixTimeMilliseconds(), e.ExpiresAt.ToUnixTimeMilliseconds(), e.CaseReference, e.Payload, KeyId,
            Es256.Sign(key ?? Key, CanonicalForm.Of(e)),
            e.Handling is { } h ? new HandlingWire(h.Code, h.Reliability, h.Accuracy, h.Conditions) : null, e.Priority);

    /// <summary>Posts a batch and returns the node's receipts, each verified against the node's signing key and addressed to this partner.</summary>
    public async Task<IReadOnlyList<ReceiptWire>> SendAsync(TestNode node, params EnvelopeWire[] envelopes)
    {
        using var response = await PostAsync(node, JsonContent.Create(envelopes, options: Json));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The node answered {(int)response.StatusCode}: {body}");
        }

        var receipts = JsonSerializer.Deserialize<List<ReceiptWire>>(body, Json)
            ?? throw new InvalidOperationException("The node answered with no receipts.");
        using var nodeKey = NodeKeyStore.LoadOrCreate(node.DataDirectory, null, null);
        foreach (var receipt in receipts)
        {
            if (!ReceiptIsSignedBy(receipt, nodeKey) || receipt.Sender != Country.Value)
            {
                throw new InvalidOperationException($"The receipt for {receipt.MessageId} is not the node's signed receipt to {Country}.");
            }
        }

        return receipts;
    }

    public async Task<ReceiptWire> SendAsync(TestNode node, EnvelopeWire envelope) => (await SendAsync(node, [envelope]))[0];

    /// <summary>Posts any body to the batch inbox, for what is refused before there are envelopes at all.</summary>
    public static async Task<HttpResponseMessage> PostAsync(TestNode node, HttpContent content)
    {
        using var client = node.Anonymous();
        return await client.PostAsync("exchange/v1/inbox/batch", content);
    }

    public static Task<HttpResponseMessage> PostAsync(TestNode node, string json) =>
        PostAsync(node, new StringContent(json, Encoding.UTF8, "application/json"));

    private static bool ReceiptIsSignedBy(ReceiptWire wire, NodeSigningKey nodeKey)
    {
        if (!Enum.TryParse<ReceiptStatus>(wire.Status, out var status) || wire.KeyId != nodeKey.KeyId)
        {
            return false;
        }

        var receipt = new Receipt(wire.MessageId, CountryCode.ParseOrDefault(wire.Receiver), CountryCode.ParseOrDefault(wire.Sender), status,
            wire.Reason, DateTimeOffset.FromUnixTimeMilliseconds(wire.ReceivedAt), wire.EnvelopeHash);
        return Es256.Verify(nodeKey.Key, CanonicalForm.Of(receipt), wire.Signature);
    }

    public void Dispose() => Key.Dispose();
}

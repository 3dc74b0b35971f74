using System.Text.Json;
using System.Text.Json.Nodes;
using Senningen.Contracts.Exchange;

namespace Senningen.Node.Features.Exchange.Ui;

/// <summary>Envelope and receipt as indented JSON for the console; the payload travels as a string, so it is unfolded here.</summary>
internal static class EnvelopeJson
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Envelope(EnvelopeWire envelope)
    {
        var node = JsonSerializer.SerializeToNode(envelope, Indented)!.AsObject();
        node["payload"] = Payload(envelope.Payload);
        return node.ToJsonString(Indented);
    }

    public static string Receipt(ReceiptWire receipt) => JsonSerializer.Serialize(receipt, Indented);

    // A partner's payload that is not JSON is still shown, as the string it is; the signature covers it either way.
    private static JsonNode? Payload(string payload)
    {
        try
        {
            return JsonNode.Parse(payload);
        }
        catch (JsonException)
        {
            return JsonValue.Create(payload);
        }
    }
}

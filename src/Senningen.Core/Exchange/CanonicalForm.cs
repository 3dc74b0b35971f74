using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Senningen.Core.Exchange;

/// <summary>
/// The exact bytes that are signed: a JSON object with a fixed property order, times as Unix milliseconds and the
/// payload as a string. Both sides build it from the fields, never from the received text.
/// </summary>
public static class CanonicalForm
{
    private static readonly JsonWriterOptions Options = new() { Indented = false, SkipValidation = false };

    public static byte[] Of(MessageEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        using var buffer = new MemoryStream(256 + envelope.Payload.Length);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("id", envelope.Id.ToString("D"));
            writer.WriteString("conversation", envelope.ConversationId.ToString("D"));
            writer.WriteNumber("sequence", envelope.Sequence);
            writer.WriteString("type", envelope.Type);
            writer.WriteNumber("version", envelope.Version);
            writer.WriteString("sender", envelope.Sender.Value);
            writer.WriteString("recipient", envelope.Recipient.Value);
            writer.WriteNumber("created", envelope.CreatedAt.ToUnixTimeMilliseconds());
            writer.WriteNumber("expires", envelope.ExpiresAt.ToUnixTimeMilliseconds());
            if (envelope.CaseReference is null)
            {
                writer.WriteNull("case");
            }
            else
            {
                writer.WriteString("case", envelope.CaseReference);
            }

            writer.WriteString("payload", envelope.Payload);
            // Written only when present, so an envelope without them has the same bytes (and signature) as before.
            if (envelope.Handling is { } handling)
            {
                writer.WriteStartObject("handling");
                writer.WriteString("code", handling.Code);
                writer.WriteString("reliability", handling.Reliability);
                writer.WriteString("accuracy", handling.Accuracy);
                writer.WriteString("conditions", handling.Conditions);
                writer.WriteEndObject();
            }

            if (envelope.Priority is not null)
            {
                writer.WriteString("priority", envelope.Priority);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static byte[] Of(Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var text = string.Join('\n',
            receipt.MessageId.ToString("D"),
            receipt.Receiver.Value,
            receipt.Sender.Value,
            receipt.Status.ToString(),
            receipt.Reason ?? "",
            receipt.ReceivedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            receipt.EnvelopeHash);
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>SHA-256 of the canonical form, lower-case hex: what a receipt quotes to bind itself to the exact content.</summary>
    public static string Hash(MessageEnvelope envelope) => Hash(Of(envelope));

    /// <summary>The same hash from canonical bytes already in hand (the receiver needs them for the signature too).</summary>
    public static string Hash(ReadOnlySpan<byte> canonical) => Convert.ToHexStringLower(SHA256.HashData(canonical));
}

using Senningen.Core.Countries;

namespace Senningen.Core.Exchange;

/// <summary>
/// What one node says to another. <see cref="Payload"/> is kept as the exact JSON text that was signed, so the
/// signature never depends on how a JSON library happens to re-serialise it.
/// </summary>
/// <param name="Id">UUIDv7: unique, and ordered by creation time.</param>
/// <param name="ConversationId">Messages of one conversation are delivered and handled in <see cref="Sequence"/> order.</param>
/// <param name="Sequence">Position in the conversation, from 1.</param>
/// <param name="Type">Registered message type, e.g. <c>exchange.ping</c>.</param>
/// <param name="Version">Schema version of the payload for that type.</param>
/// <param name="Sender">The node that signed it.</param>
/// <param name="Recipient">The only node that may accept it.</param>
/// <param name="CreatedAt">When the sender committed it (millisecond precision is what is signed).</param>
/// <param name="ExpiresAt">After this the message must not be delivered nor accepted.</param>
/// <param name="CaseReference">The case the message concerns, for both sides' audit; may be null.</param>
/// <param name="Payload">The type's JSON payload, as text.</param>
/// <param name="Handling">The owner's handling and evaluation codes as written (checked after the signature); null on a message that carries no information.</param>
/// <param name="Priority">The wire name of the priority (<c>urgent</c>); null for routine.</param>
public sealed record MessageEnvelope(
    Guid Id,
    Guid ConversationId,
    long Sequence,
    string Type,
    int Version,
    CountryCode Sender,
    CountryCode Recipient,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    string? CaseReference,
    string Payload,
    EnvelopeHandling? Handling = null,
    string? Priority = null);

/// <summary>
/// The marking as it travels, in the clear beside the payload: the receiver stores and enforces it without reading the
/// payload, and a message is refused for a bad marking before any handler sees it. Parsed by <see cref="HandlingMarking.Parse"/>.
/// </summary>
public sealed record EnvelopeHandling(string Code, string Reliability, string Accuracy, string? Conditions)
{
    public static EnvelopeHandling Of(HandlingMarking marking) =>
        new(marking.Code.ToString(), marking.Reliability.ToString(), HandlingNames.Of(marking.Accuracy), marking.Conditions);

    public HandlingParse Parse() => HandlingMarking.Parse(Code, Reliability, Accuracy, Conditions);
}

/// <summary>An envelope with the sender's ES256 signature over its canonical form, and the id of the key that made it.</summary>
public sealed record SignedEnvelope(MessageEnvelope Envelope, string KeyId, string Signature);

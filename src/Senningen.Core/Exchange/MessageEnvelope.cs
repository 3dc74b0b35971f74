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
    string Payload);

/// <summary>An envelope with the sender's ES256 signature over its canonical form, and the id of the key that made it.</summary>
public sealed record SignedEnvelope(MessageEnvelope Envelope, string KeyId, string Signature);

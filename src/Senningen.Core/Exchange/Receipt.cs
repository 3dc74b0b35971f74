using Senningen.Core.Countries;

namespace Senningen.Core.Exchange;

public enum ReceiptStatus
{
    /// <summary>Stored in the receiver's inbox; it will be handled.</summary>
    Accepted,

    /// <summary>Refused; <see cref="Receipt.Reason"/> says why. The sender must not resend it unchanged.</summary>
    Rejected,
}

/// <summary>Stable reasons a receiver gives for refusing an envelope.</summary>
public static class RejectionReasons
{
    public const string UnknownSender = "unknown-sender";
    public const string BadSignature = "bad-signature";

    /// <summary>Signed with a key the sender's published key set lists as revoked.</summary>
    public const string KeyRevoked = "key-revoked";

    /// <summary>Signed with a key the sender retired, after its <c>exp</c>.</summary>
    public const string KeyExpired = "key-expired";
    public const string WrongRecipient = "wrong-recipient";
    public const string Expired = "expired";
    public const string ClockSkew = "clock-skew";
    public const string UnknownType = "unknown-type";
    public const string UnsupportedVersion = "unsupported-version";
    public const string InvalidPayload = "invalid-payload";
    public const string IdReused = "id-reused";

    /// <summary>More consultation queries from the sender in one context within the hour than the answering node allows it.</summary>
    public const string ConsultationQuotaExceeded = "consultation-quota-exceeded";

    /// <summary>Accepted, then parked after failing again and again, and given up by an operator of the receiving node.</summary>
    public const string DroppedByOperator = "dropped-by-operator";

    /// <summary>The payload is longer than <see cref="EnvelopeInspection.MaxPayloadChars"/>.</summary>
    public const string PayloadTooLarge = "payload-too-large";

    /// <summary>The payload's JSON nests deeper than <see cref="EnvelopeInspection.MaxPayloadDepth"/>.</summary>
    public const string PayloadTooDeep = "payload-too-deep";

    /// <summary>A message about an operation whose alerts here came from another country: only its home node speaks about it.</summary>
    public const string NotOperationOwner = "not-operation-owner";

    /// <summary>A reply (acknowledged, escalated) to a notice this node never sent to the sender.</summary>
    public const string NoSuchNotice = "no-such-notice";

    /// <summary>An ANPR hit from a country this node does not exchange hits with.</summary>
    public const string NotAnprPartner = "not-anpr-partner";

    /// <summary>An ANPR hit for a plate and category this node does not list.</summary>
    public const string NoSuchEntry = "no-such-entry";

    /// <summary>More fixes in one positions message than a home node may send.</summary>
    public const string TooManyFixes = "too-many-fixes";

    /// <summary>More fixes for one operation than this node keeps for a foreign operation.</summary>
    public const string FixQuotaExceeded = "fix-quota-exceeded";

    /// <summary>A payload in clear to a node that requires message-level encryption (ADR 0029).</summary>
    public const string EncryptionRequired = "encryption-required";

    /// <summary>An encrypted payload none of whose recipients is an encryption key of this node: it was meant for another.</summary>
    public const string NotEncryptedForUs = "not-encrypted-for-recipient";

    /// <summary>An encrypted payload that does not decrypt: altered ciphertext or header, foreign algorithms, or made for another message.</summary>
    public const string Undecryptable = "undecryptable";

    /// <summary>Signed by the partner but carried over TLS without a client certificate pinned for it.</summary>
    public const string CertificateNotPinned = "certificate-not-pinned";

    /// <summary>Carried over TLS with a client certificate the federation's CRL or this node's list revokes.</summary>
    public const string CertificateRevoked = "certificate-revoked";
}

/// <summary>
/// The receiver's signed statement that it got (or refused) exactly the envelope whose canonical hash it quotes.
/// Together with the signed envelope it proves who said what, and when it arrived.
/// </summary>
public sealed record Receipt(
    Guid MessageId,
    CountryCode Receiver,
    CountryCode Sender,
    ReceiptStatus Status,
    string? Reason,
    DateTimeOffset ReceivedAt,
    string EnvelopeHash);

/// <summary>A receipt with the receiver's ES256 signature.</summary>
public sealed record SignedReceipt(Receipt Receipt, string KeyId, string Signature);

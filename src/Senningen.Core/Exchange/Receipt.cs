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
    public const string WrongRecipient = "wrong-recipient";
    public const string Expired = "expired";
    public const string ClockSkew = "clock-skew";
    public const string UnknownType = "unknown-type";
    public const string UnsupportedVersion = "unsupported-version";
    public const string InvalidPayload = "invalid-payload";
    public const string IdReused = "id-reused";
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

using Senningen.Core.Countries;

namespace Senningen.Core.Exchange;

/// <summary>The receiver's limits on time: how far clocks may differ, and the longest life a message may claim.</summary>
public readonly record struct TimeRules(TimeSpan ClockSkew, TimeSpan MaxLifetime);

/// <summary>
/// Decides whether an incoming envelope may enter the inbox: trusted sender, valid signature, meant for us, not
/// expired, not from the future. Pure, so the same rules are tested without a network.
/// </summary>
public static class EnvelopeInspection
{
    /// <returns>Null when the envelope is acceptable, else one of <see cref="RejectionReasons"/>.</returns>
    public static string? Check(SignedEnvelope incoming, TrustList trust, CountryCode self, DateTimeOffset now, TimeRules rules) =>
        Check(incoming, CanonicalForm.Of(incoming?.Envelope ?? throw new ArgumentNullException(nameof(incoming))), trust, self, now, rules);

    /// <summary>As the other overload, with the envelope's canonical form the caller has already built.</summary>
    public static string? Check(SignedEnvelope incoming, ReadOnlySpan<byte> canonical, TrustList trust, CountryCode self, DateTimeOffset now,
        TimeRules rules)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(trust);
        var envelope = incoming.Envelope;
        if (!envelope.Sender.IsValid || trust.Find(envelope.Sender) is not { } partner)
        {
            return RejectionReasons.UnknownSender;
        }

        if (!string.Equals(incoming.KeyId, partner.KeyId, StringComparison.Ordinal)
            || !Es256.Verify(partner.PublicKey, canonical, incoming.Signature))
        {
            return RejectionReasons.BadSignature;
        }

        if (envelope.Recipient != self)
        {
            return RejectionReasons.WrongRecipient;
        }

        if (envelope.CreatedAt > now + rules.ClockSkew)
        {
            return RejectionReasons.ClockSkew;
        }

        if (envelope.ExpiresAt <= now || envelope.ExpiresAt <= envelope.CreatedAt || envelope.ExpiresAt - envelope.CreatedAt > rules.MaxLifetime)
        {
            return RejectionReasons.Expired;
        }

        return null;
    }
}

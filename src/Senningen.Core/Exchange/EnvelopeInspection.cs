using Senningen.Core.Countries;

namespace Senningen.Core.Exchange;

/// <summary>The receiver's limits on time: how far clocks may differ, and the longest life a message may claim.</summary>
public readonly record struct TimeRules(TimeSpan ClockSkew, TimeSpan MaxLifetime);

/// <summary>
/// Decides whether an incoming envelope may enter the inbox: trusted sender, valid signature, meant for us, not
/// expired, not from the future, a payload of bounded size and depth. Pure, so the same rules are tested without a network.
/// </summary>
public static class EnvelopeInspection
{
    /// <summary>
    /// The longest payload accepted, in characters: ten times the largest message a node sends (a positions message of
    /// 10,000 fixes), so no honest message comes near it, and a hostile one cannot make the node hold a huge row.
    /// </summary>
    public const int MaxPayloadChars = 2_000_000;

    /// <summary>How deep a payload's JSON may nest: the deepest contracts (an operation's report, a consultation answer) nest five or six levels.</summary>
    public const int MaxPayloadDepth = 16;

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

        if (KeyCheck(incoming, canonical, partner.Keys.Current, now, rules.ClockSkew) is { } keyProblem)
        {
            return keyProblem;
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

        if (envelope.Payload.Length > MaxPayloadChars)
        {
            return RejectionReasons.PayloadTooLarge;
        }

        return NestsDeeperThan(envelope.Payload, MaxPayloadDepth) ? RejectionReasons.PayloadTooDeep : MarkingCheck(envelope);
    }

    /// <summary>The marking and priority as signed: a code outside the table names the rule it broke; a type that carries information must be marked.</summary>
    public static string? MarkingCheck(MessageEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (MessagePriorities.FromWire(envelope.Priority) is null)
        {
            return HandlingRulesNames.Priority;
        }

        if (envelope.Handling is null)
        {
            return MessageDefaults.CarriesInformation(envelope.Type) ? HandlingRulesNames.Missing : null;
        }

        return envelope.Handling.Parse().Rule;
    }

    // A revoked or retired key is named as such only when it really made the signature: anyone can write a key id.
    private static string? KeyCheck(SignedEnvelope incoming, ReadOnlySpan<byte> canonical, PinnedKeys keys, DateTimeOffset now, TimeSpan skew)
    {
        var pinned = keys.Find(incoming.KeyId);
        if (pinned?.PublicKey is null)
        {
            return pinned?.RevokedAt is null ? RejectionReasons.BadSignature : RejectionReasons.KeyRevoked;
        }

        if (!Es256.Verify(pinned.PublicKey, canonical, incoming.Signature))
        {
            return RejectionReasons.BadSignature;
        }

        return keys.Standing(incoming.KeyId, now, skew) switch
        {
            KeyStanding.Revoked => RejectionReasons.KeyRevoked,
            KeyStanding.Expired => RejectionReasons.KeyExpired,
            _ => null,
        };
    }

    /// <summary>
    /// Counts brackets outside strings, without parsing: a payload nested thousands deep is refused before a JSON
    /// reader is given it. Malformed JSON is left to the contract's reader.
    /// </summary>
    public static bool NestsDeeperThan(string json, int maxDepth)
    {
        ArgumentNullException.ThrowIfNull(json);
        var (depth, inString, escaped) = (0, false, false);
        foreach (var c in json)
        {
            if (inString)
            {
                (inString, escaped) = escaped ? (true, false) : (c != '"', c == '\\');
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c is '{' or '[' && ++depth > maxDepth)
            {
                return true;
            }
            else if (c is '}' or ']')
            {
                depth--;
            }
        }

        return false;
    }
}

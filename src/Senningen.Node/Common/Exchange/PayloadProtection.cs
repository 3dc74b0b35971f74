using Senningen.Core.Countries;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Common.Exchange;

/// <summary>
/// Message-level encryption as the node applies it (ADR 0029): an outgoing payload is encrypted once, its key wrapped for
/// the recipient's current encryption key and for this node's own, before it is signed and queued, so the outbox holds
/// only ciphertext that both ends can open; an incoming one is opened with whichever of this node's keys it names.
/// </summary>
public sealed class PayloadProtection(NodeKeyRing ring, PartnerLinks links, PartnerKeySets keySets, NodeSettings settings, TimeProvider clock)
{
    /// <summary>
    /// Types whose payload is public and must get through before any encryption key is known: a key set is what tells the
    /// partner the key to encrypt to, and the same set is served to anyone at <c>GET /api/v1/node/keys</c>.
    /// </summary>
    public static bool TravelsInClear(string type) => type == KeySetHandler.Type;

    public PayloadEncryptionMode Mode => settings.Exchange.Encryption;

    /// <summary>
    /// The payload as it is to be signed and stored. A partner whose encryption key is not pinned is asked for its key set
    /// once (rate-limited); if it still has none, <see cref="PayloadEncryptionMode.Required"/> queues nothing.
    /// </summary>
    /// <exception cref="PartnerEncryptionKeyUnknownException">Required, and the partner's encryption key is unknown.</exception>
    public async Task<string> SealAsync(CountryCode recipient, string type, Guid messageId, string plaintext, CancellationToken ct)
    {
        if (Mode == PayloadEncryptionMode.Off || TravelsInClear(type))
        {
            return plaintext;
        }

        if (PartnerKey(recipient) is null)
        {
            await keySets.RefreshAsync(recipient, unlessRecent: true, ct);
        }

        if (PartnerKey(recipient) is not { AgreementKey: { } partnerKey } pinned)
        {
            return Mode == PayloadEncryptionMode.Required ? throw new PartnerEncryptionKeyUnknownException(recipient) : plaintext;
        }

        var own = ring.CurrentEncryption ?? throw new InvalidOperationException("The node has no encryption key of its own yet.");
        return PayloadEncryption.Encrypt(plaintext, messageId, [new EncryptionRecipient(pinned.KeyId, partnerKey), new EncryptionRecipient(own.KeyId, own.Key)]);
    }

    /// <summary>A partner's payload: opened with one of this node's encryption keys that is not revoked, or refused.</summary>
    public OpenedPayload OpenIncoming(string type, Guid messageId, string payload)
    {
        if (PayloadEncryption.IsEncrypted(payload))
        {
            return PayloadEncryption.Decrypt(payload, messageId, kid => ring.FindEncryption(kid));
        }

        return Mode == PayloadEncryptionMode.Required && !TravelsInClear(type)
            ? new OpenedPayload(null, RejectionReasons.EncryptionRequired)
            : new OpenedPayload(payload, null);
    }

    /// <summary>
    /// A payload this node stored (sent or received) in clear again, for its handlers and its operators; even a revoked
    /// key of its own still opens it. Null when it cannot be opened (a key lost with a database restored without its ring).
    /// </summary>
    public string? OpenStored(Guid messageId, string payload) => PayloadEncryption.IsEncrypted(payload)
        ? PayloadEncryption.Decrypt(payload, messageId, kid => ring.FindEncryption(kid, evenRevoked: true)).Plaintext
        : payload;

    private PinnedKey? PartnerKey(CountryCode recipient) => links.Trust.Find(recipient)?.Keys.Current.EncryptionKey(clock.GetUtcNow());
}

/// <summary>A message to a partner that has not published an encryption key, while encryption is required: nothing is queued.</summary>
public sealed class PartnerEncryptionKeyUnknownException(CountryCode partner)
    : InvalidOperationException($"{partner} has published no encryption key, and message-level encryption is required.")
{
    public CountryCode Partner { get; } = partner;
}

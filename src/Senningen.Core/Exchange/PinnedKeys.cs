using System.Collections.Immutable;
using System.Security.Cryptography;

namespace Senningen.Core.Exchange;

/// <summary>
/// A partner's key as this node has pinned it; a key known only from a revocation has no public key. An encryption key
/// (ADR 0029) has <see cref="AgreementKey"/> and no <see cref="PublicKey"/>, so it never verifies a signature.
/// </summary>
public sealed record PinnedKey(string KeyId, ECDsa? PublicKey, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt,
    ECDiffieHellman? AgreementKey = null, DateTimeOffset? NotBefore = null);

public enum KeyStanding
{
    Unknown,
    Valid,
    Expired,
    Revoked,
}

/// <summary>
/// The keys this node accepts from one partner: the configured one (the trust anchor) and those learnt from the
/// partner's signed key sets. Immutable: a merge gives a new value, swapped whole by the holder.
/// </summary>
public sealed class PinnedKeys
{
    private readonly ImmutableDictionary<string, PinnedKey> _keys;

    private PinnedKeys(ImmutableDictionary<string, PinnedKey> keys) => _keys = keys;

    public static PinnedKeys Anchor(string keyId, ECDsa publicKey) =>
        new(ImmutableDictionary<string, PinnedKey>.Empty.Add(keyId, new PinnedKey(keyId, publicKey, null, null)));

    public IEnumerable<PinnedKey> All => _keys.Values;

    public PinnedKey? Find(string keyId) => _keys.GetValueOrDefault(keyId);

    /// <summary>A key is still valid for <paramref name="skew"/> after its expiry, as envelopes are for clock differences.</summary>
    public KeyStanding Standing(string keyId, DateTimeOffset now, TimeSpan skew) => Find(keyId) switch
    {
        null => KeyStanding.Unknown,
        { RevokedAt: not null } => KeyStanding.Revoked,
        { PublicKey: null } => KeyStanding.Unknown,
        { ExpiresAt: { } expires } when expires + skew <= now => KeyStanding.Expired,
        _ => KeyStanding.Valid,
    };

    /// <summary>
    /// The encryption key to encrypt to now: of those that have started, are not revoked and not expired, the latest to
    /// start. Null when the partner has published none (yet).
    /// </summary>
    public PinnedKey? EncryptionKey(DateTimeOffset now) => _keys.Values
        .Where(k => k.AgreementKey is not null && k.RevokedAt is null && (k.ExpiresAt is null || k.ExpiresAt > now) && (k.NotBefore ?? now) <= now)
        .MaxBy(k => k.NotBefore);

    /// <summary>True when <paramref name="keyId"/> is a valid pinned key and made <paramref name="signature"/> over <paramref name="data"/>.</summary>
    public bool Verifies(string keyId, ReadOnlySpan<byte> data, string signature, DateTimeOffset now, TimeSpan skew) =>
        Standing(keyId, now, skew) == KeyStanding.Valid && Es256.Verify(Find(keyId)!.PublicKey!, data, signature);

    /// <summary>
    /// Adds what a verified key set says. Only ever narrows what was pinned: a revocation is never undone, an expiry
    /// only moves earlier, so a replayed older set cannot bring a retired or revoked key back.
    /// </summary>
    public PinnedKeys Merge(KeySet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var keys = _keys.ToBuilder();
        foreach (var published in set.Keys)
        {
            if (keys.TryGetValue(published.KeyId, out var known))
            {
                keys[published.KeyId] = known with { ExpiresAt = Earlier(known.ExpiresAt, published.ExpiresAt) };
            }
            else if (published.TryOpen() is { } key)
            {
                keys[published.KeyId] = new PinnedKey(published.KeyId, key, published.ExpiresAt, null);
            }
            else if (published.TryOpenAgreement() is { } agreement)
            {
                keys[published.KeyId] = new PinnedKey(published.KeyId, null, published.ExpiresAt, null, agreement, published.NotBefore);
            }
        }

        foreach (var revoked in set.Revoked)
        {
            keys[revoked.KeyId] = keys.TryGetValue(revoked.KeyId, out var known)
                ? known with { RevokedAt = Earlier(known.RevokedAt, revoked.RevokedAt) }
                : new PinnedKey(revoked.KeyId, null, null, revoked.RevokedAt);
        }

        return new PinnedKeys(keys.ToImmutable());
    }

    /// <summary>Rebuilds pins from stored rows on top of the anchor, the same narrowing rules as <see cref="Merge"/>.</summary>
    public PinnedKeys With(PinnedKey stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var merged = _keys.TryGetValue(stored.KeyId, out var known)
            ? known with { ExpiresAt = Earlier(known.ExpiresAt, stored.ExpiresAt), RevokedAt = Earlier(known.RevokedAt, stored.RevokedAt) }
            : stored;
        return new PinnedKeys(_keys.SetItem(stored.KeyId, merged));
    }

    private static DateTimeOffset? Earlier(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}

/// <summary>Holds a partner's current pins; readers take the value once and use it whole.</summary>
public sealed class PinnedKeysHolder(PinnedKeys initial)
{
    private PinnedKeys _current = initial;

    public PinnedKeys Current => Volatile.Read(ref _current);

    public void Replace(PinnedKeys next) => Volatile.Write(ref _current, next);
}

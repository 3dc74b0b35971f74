using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Exchange;

/// <summary>One of this node's keys as the ring sees it; <see cref="ExpiresAt"/> follows from the successor's start.</summary>
public sealed record OwnKey(string KeyId, DateTimeOffset NotBefore, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt);

/// <summary>
/// This node's signing keys: the one in the data directory (or configured file) that partners were first given, and
/// those made by rotations, read from the shared database (ADR 0028). The signer is the latest key that has started
/// and is not revoked, chosen at each signature from the clock, so a scheduled switch needs no restart and every
/// instance switches at the same instant.
/// </summary>
public sealed class NodeKeyRing
{
    public const string ProtectorPurpose = "Senningen.Exchange.NodeSigningKeys";

    /// <summary>The purpose the encryption keys' private halves are protected with (ADR 0029), apart from the signing keys'.</summary>
    public const string EncryptionProtectorPurpose = "Senningen.Exchange.NodeEncryptionKeys";

    private readonly ConcurrentDictionary<string, NodeSigningKey> _opened = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ECDiffieHellman> _agreements = new(StringComparer.Ordinal);
    private readonly IDataProtector _encryptionProtector;
    private IReadOnlyList<NodeKey> _encryptionRows = [];
    private readonly IDataProtector _protector;
    private readonly NodeSigningKey _anchor;
    private readonly TimeSpan _overlap;
    private readonly TimeProvider _clock;
    private IReadOnlyList<NodeKey> _rows = [];

    public NodeKeyRing(NodeSigningKey anchor, IDataProtectionProvider protection, NodeSettings settings, TimeProvider clock)
    {
        (_anchor, _clock, _overlap) = (anchor, clock, settings.Exchange.MaxLifetime);
        _protector = protection.CreateProtector(ProtectorPurpose);
        _encryptionProtector = protection.CreateProtector(EncryptionProtectorPurpose);
        _opened[anchor.KeyId] = anchor;
    }

    /// <summary>How long a key stays accepted after its successor starts: the longest life an envelope may claim, so none signed before the switch outlives its key.</summary>
    public TimeSpan Overlap => _overlap;

    /// <summary>The key this node signs with now.</summary>
    public NodeSigningKey Current
    {
        get
        {
            var now = _clock.GetUtcNow();
            // Revoking the last usable key is refused (RevokeNodeKey), so there is always a signer.
            var signer = Signer(Keys(Volatile.Read(ref _rows), now), now) ?? throw new InvalidOperationException("The node has no key it may sign with.");
            return _opened[signer.KeyId];
        }
    }

    public NodeSigningKey? Find(string keyId) => _opened.GetValueOrDefault(keyId);

    public IReadOnlyList<OwnKey> All => Keys(Volatile.Read(ref _rows), _clock.GetUtcNow());

    /// <summary>
    /// The keys as <paramref name="rows"/> describe them, with the file's key when it has no row yet, oldest first. A key
    /// expires only once its successor has started: a pending successor can still be revoked without stranding it.
    /// </summary>
    public IReadOnlyList<OwnKey> Keys(IReadOnlyList<NodeKey> rows, DateTimeOffset now)
    {
        var all = rows.Where(r => r.Use == KeyUses.Signing).Select(r => (r.KeyId, r.NotBefore, r.RevokedAt)).ToList();
        if (!all.Any(k => k.KeyId == _anchor.KeyId))
        {
            all.Add((_anchor.KeyId, DateTimeOffset.UnixEpoch, null));
        }

        all.Sort((a, b) => a.NotBefore.CompareTo(b.NotBefore));
        return [.. all.Select(k => new OwnKey(k.KeyId, k.NotBefore, k.RevokedAt is null ? Successor(all, k.NotBefore, now) + _overlap : null, k.RevokedAt))];
    }

    /// <summary>
    /// The encryption keys as <paramref name="rows"/> describe them, oldest first, retired as signing keys are: one
    /// message lifetime after the successor starts, so a payload encrypted to the old key just before still opens.
    /// </summary>
    public IReadOnlyList<OwnKey> EncryptionKeys(IReadOnlyList<NodeKey> rows, DateTimeOffset now)
    {
        var all = rows.Where(r => r.Use == KeyUses.Encryption).Select(r => (r.KeyId, r.NotBefore, r.RevokedAt)).ToList();
        all.Sort((a, b) => a.NotBefore.CompareTo(b.NotBefore));
        return [.. all.Select(k => new OwnKey(k.KeyId, k.NotBefore, k.RevokedAt is null ? Successor(all, k.NotBefore, now) + _overlap : null, k.RevokedAt))];
    }

    public IReadOnlyList<OwnKey> AllEncryption => EncryptionKeys(Volatile.Read(ref _encryptionRows), _clock.GetUtcNow());

    /// <summary>The key this node encrypts its own copy of outgoing payloads to; null before the first is made.</summary>
    public (string KeyId, ECDiffieHellman Key)? CurrentEncryption =>
        Signer(AllEncryption, _clock.GetUtcNow()) is { } key && _agreements.TryGetValue(key.KeyId, out var opened) ? (key.KeyId, opened) : null;

    /// <summary>
    /// The private encryption key named <paramref name="keyId"/>. A partner's message is opened only with a key not revoked;
    /// the node's own stored payloads (<paramref name="evenRevoked"/>) with any key it still holds, or they could not be read again.
    /// </summary>
    public ECDiffieHellman? FindEncryption(string keyId, bool evenRevoked = false) =>
        _agreements.TryGetValue(keyId, out var key)
        && (evenRevoked || Volatile.Read(ref _encryptionRows).Any(r => r.KeyId == keyId && r.RevokedAt is null))
            ? key
            : null;

    /// <summary>A new encryption key pair and its row (private key protected), kept once the row is committed.</summary>
    public NodeKey CreateEncryption(DateTimeOffset notBefore, DateTimeOffset now)
    {
        var key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var keyId = PayloadEncryption.Fingerprint(key);
        _agreements[keyId] = key;
        return new NodeKey
        {
            KeyId = keyId,
            Use = KeyUses.Encryption,
            PublicKeyPem = key.ExportSubjectPublicKeyInfoPem(),
            ProtectedPrivateKey = _encryptionProtector.Protect(key.ExportPkcs8PrivateKeyPem()),
            NotBefore = notBefore,
            CreatedAt = now,
        };
    }

    /// <summary>
    /// Makes an encryption key when the node has none it can use: a new node, one made before ADR 0029, or one whose key
    /// was protected by data-protection keys that are gone (a demo database put into production removes its keys stored
    /// in clear, and with them what they protected). Two instances starting at once may both make one: the later simply
    /// becomes the current key.
    /// </summary>
    public async Task EnsureEncryptionKeyAsync(SenningenDbContext db, CancellationToken ct)
    {
        await LoadAsync(db, ct);
        if (CurrentEncryption is null)
        {
            var now = KeySet.Truncate(_clock.GetUtcNow());
            db.NodeKeys.Add(CreateEncryption(now, now));
            await db.SaveChangesAsync(ct);
            await LoadAsync(db, ct);
        }
    }

    /// <summary>The latest key that has started and is not revoked.</summary>
    public static OwnKey? Signer(IEnumerable<OwnKey> keys, DateTimeOffset now) =>
        keys.Where(k => k.RevokedAt is null && k.NotBefore <= now).MaxBy(k => k.NotBefore);

    /// <summary>A new key pair, its row (private key protected) and its opened form, kept once the row is committed.</summary>
    public NodeKey Create(DateTimeOffset notBefore, DateTimeOffset now)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signing = new NodeSigningKey(key);
        _opened[signing.KeyId] = signing;
        return new NodeKey
        {
            KeyId = signing.KeyId,
            PublicKeyPem = signing.PublicKeyPem,
            ProtectedPrivateKey = _protector.Protect(key.ExportPkcs8PrivateKeyPem()),
            NotBefore = notBefore,
            CreatedAt = now,
        };
    }

    /// <summary>The row for the file's key, made when the first rotation gives it a history.</summary>
    public NodeKey AnchorRow(DateTimeOffset now) => new()
    {
        KeyId = _anchor.KeyId, PublicKeyPem = _anchor.PublicKeyPem, NotBefore = DateTimeOffset.UnixEpoch, CreatedAt = now,
    };

    /// <summary>Reads the rows every instance shares; called at start, after this instance changes them, and periodically for the others' changes.</summary>
    public async Task LoadAsync(SenningenDbContext db, CancellationToken ct) => Apply(await db.NodeKeys.AsNoTracking().ToListAsync(ct));

    public void Apply(IReadOnlyList<NodeKey> all)
    {
        // A row whose protection this node can no longer open (its data-protection key was removed) is a lost key: it is
        // left out as a key this instance does not hold, and EnsureEncryptionKeyAsync makes a new one at start.
        foreach (var row in all.Where(r => r.Use == KeyUses.Encryption && r.ProtectedPrivateKey is not null && !_agreements.ContainsKey(r.KeyId)))
        {
            if (Open(_encryptionProtector, row.ProtectedPrivateKey!) is { } pem)
            {
                var key = ECDiffieHellman.Create();
                key.ImportFromPem(pem);
                _agreements[row.KeyId] = key;
            }
        }

        Volatile.Write(ref _encryptionRows, [.. all.Where(r => r.Use == KeyUses.Encryption && _agreements.ContainsKey(r.KeyId))]);
        var rows = all.Where(r => r.Use == KeyUses.Signing).ToList();
        foreach (var row in rows.Where(r => r.ProtectedPrivateKey is not null && !_opened.ContainsKey(r.KeyId)))
        {
            if (Open(_protector, row.ProtectedPrivateKey!) is { } pem)
            {
                var key = ECDsa.Create();
                key.ImportFromPem(pem);
                _opened[row.KeyId] = new NodeSigningKey(key);
            }
        }

        // A row whose private key this instance cannot hold (a file key of another installation) is left out of the signers.
        Volatile.Write(ref _rows, [.. rows.Where(r => _opened.ContainsKey(r.KeyId) || r.RevokedAt is not null)]);
    }

    private static string? Open(IDataProtector protector, string protectedPem)
    {
        try
        {
            return protector.Unprotect(protectedPem);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>
    /// The set partners fetch: signing and encryption keys not revoked and not past their expiry, every revocation,
    /// signed by each listed signing key. <paramref name="encryption"/> defaults to the encryption keys this instance holds.
    /// </summary>
    public SignedKeySet Publish(IReadOnlyList<OwnKey> keys, Core.Countries.CountryCode country, DateTimeOffset now, IReadOnlyList<OwnKey>? encryption = null)
    {
        encryption ??= AllEncryption;
        var listed = keys.Where(k => k.RevokedAt is null && (k.ExpiresAt is null || k.ExpiresAt > now) && _opened.ContainsKey(k.KeyId)).ToList();
        var encrypting = encryption.Where(k => k.RevokedAt is null && (k.ExpiresAt is null || k.ExpiresAt > now) && _agreements.ContainsKey(k.KeyId));
        var set = new KeySet(country, KeySet.Truncate(now),
            [.. listed.Select(k => PublishedKey.From(_opened[k.KeyId].Key, KeySet.Truncate(k.NotBefore), k.ExpiresAt is { } e ? KeySet.Truncate(e) : null)),
                .. encrypting.Select(k => PublishedKey.From(_agreements[k.KeyId], KeySet.Truncate(k.NotBefore), k.ExpiresAt is { } e ? KeySet.Truncate(e) : null))],
            [.. keys.Concat(encryption).Where(k => k.RevokedAt is not null).Select(k => new RevokedKey(k.KeyId, KeySet.Truncate(k.RevokedAt!.Value)))]);
        // A key revoked within the overlap still signs: a partner that missed the rotation trusts only it, and learns from
        // its signature both the successor and the revocation. Where the revocation is known, its signature vouches for nothing.
        var recentlyRevoked = keys.Where(k => k.RevokedAt > now - _overlap && _opened.ContainsKey(k.KeyId));
        return set.SignWith(listed.Concat(recentlyRevoked).Select(k => (k.KeyId, _opened[k.KeyId].Key)));
    }

    private static DateTimeOffset? Successor(List<(string KeyId, DateTimeOffset NotBefore, DateTimeOffset? RevokedAt)> all, DateTimeOffset after,
        DateTimeOffset now) =>
        all.Where(k => k.RevokedAt is null && k.NotBefore > after && k.NotBefore <= now).Select(k => (DateTimeOffset?)k.NotBefore).Min();
}

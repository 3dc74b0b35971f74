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

    private readonly ConcurrentDictionary<string, NodeSigningKey> _opened = new(StringComparer.Ordinal);
    private readonly IDataProtector _protector;
    private readonly NodeSigningKey _anchor;
    private readonly TimeSpan _overlap;
    private readonly TimeProvider _clock;
    private IReadOnlyList<NodeKey> _rows = [];

    public NodeKeyRing(NodeSigningKey anchor, IDataProtectionProvider protection, NodeSettings settings, TimeProvider clock)
    {
        (_anchor, _clock, _overlap) = (anchor, clock, settings.Exchange.MaxLifetime);
        _protector = protection.CreateProtector(ProtectorPurpose);
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
        var all = rows.Select(r => (r.KeyId, r.NotBefore, r.RevokedAt)).ToList();
        if (!all.Any(k => k.KeyId == _anchor.KeyId))
        {
            all.Add((_anchor.KeyId, DateTimeOffset.UnixEpoch, null));
        }

        all.Sort((a, b) => a.NotBefore.CompareTo(b.NotBefore));
        return [.. all.Select(k => new OwnKey(k.KeyId, k.NotBefore, k.RevokedAt is null ? Successor(all, k.NotBefore, now) + _overlap : null, k.RevokedAt))];
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

    public void Apply(IReadOnlyList<NodeKey> rows)
    {
        foreach (var row in rows.Where(r => r.ProtectedPrivateKey is not null && !_opened.ContainsKey(r.KeyId)))
        {
            var key = ECDsa.Create();
            key.ImportFromPem(_protector.Unprotect(row.ProtectedPrivateKey!));
            _opened[row.KeyId] = new NodeSigningKey(key);
        }

        // A row whose private key this instance cannot hold (a file key of another installation) is left out of the signers.
        Volatile.Write(ref _rows, [.. rows.Where(r => _opened.ContainsKey(r.KeyId) || r.RevokedAt is not null)]);
    }

    /// <summary>The set partners fetch: keys not revoked and not past their expiry, every revocation, signed by each listed key.</summary>
    public SignedKeySet Publish(IReadOnlyList<OwnKey> keys, Core.Countries.CountryCode country, DateTimeOffset now)
    {
        var listed = keys.Where(k => k.RevokedAt is null && (k.ExpiresAt is null || k.ExpiresAt > now) && _opened.ContainsKey(k.KeyId)).ToList();
        var set = new KeySet(country, KeySet.Truncate(now),
            [.. listed.Select(k => PublishedKey.From(_opened[k.KeyId].Key, KeySet.Truncate(k.NotBefore), k.ExpiresAt is { } e ? KeySet.Truncate(e) : null))],
            [.. keys.Where(k => k.RevokedAt is not null).Select(k => new RevokedKey(k.KeyId, KeySet.Truncate(k.RevokedAt!.Value)))]);
        // A key revoked within the overlap still signs: a partner that missed the rotation trusts only it, and learns from
        // its signature both the successor and the revocation. Where the revocation is known, its signature vouches for nothing.
        var recentlyRevoked = keys.Where(k => k.RevokedAt > now - _overlap && _opened.ContainsKey(k.KeyId));
        return set.SignWith(listed.Concat(recentlyRevoked).Select(k => (k.KeyId, _opened[k.KeyId].Key)));
    }

    private static DateTimeOffset? Successor(List<(string KeyId, DateTimeOffset NotBefore, DateTimeOffset? RevokedAt)> all, DateTimeOffset after,
        DateTimeOffset now) =>
        all.Where(k => k.RevokedAt is null && k.NotBefore > after && k.NotBefore <= now).Select(k => (DateTimeOffset?)k.NotBefore).Min();
}

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Senningen.Core.Countries;

namespace Senningen.Core.Exchange;

/// <summary>What a published key is for (JWK <c>use</c>): signing envelopes, receipts and key sets, or receiving encrypted payloads.</summary>
public static class KeyUses
{
    public const string Signing = "sig";
    public const string Encryption = "enc";
}

/// <summary>
/// A public key as a key set lists it: a P-256 point (JWK <c>x</c>, <c>y</c>, base64url) and when partners accept it.
/// <see cref="KeyId"/> is the fingerprint of the point, so it cannot name another key. A signing key (ES256) verifies
/// what the node signs; an encryption key (ECDH, ADR 0029) is what partners encrypt payloads to, and never verifies anything.
/// </summary>
/// <param name="KeyId">SHA-256 of the SubjectPublicKeyInfo, lower-case hex.</param>
/// <param name="X">The point's x coordinate, base64url.</param>
/// <param name="Y">The point's y coordinate, base64url.</param>
/// <param name="NotBefore">From when the node signs with it; partners pin it at once.</param>
/// <param name="ExpiresAt">After this partners refuse it; null while it is the key the node signs with.</param>
/// <param name="Use">One of <see cref="KeyUses"/>.</param>
public sealed record PublishedKey(string KeyId, string X, string Y, DateTimeOffset NotBefore, DateTimeOffset? ExpiresAt, string Use = KeyUses.Signing)
{
    public bool IsEncryption => Use == KeyUses.Encryption;

    public static PublishedKey From(ECDiffieHellman key, DateTimeOffset notBefore, DateTimeOffset? expiresAt)
    {
        ArgumentNullException.ThrowIfNull(key);
        var point = key.ExportParameters(false).Q;
        return new PublishedKey(PayloadEncryption.Fingerprint(key), Base64Url.EncodeToString(point.X), Base64Url.EncodeToString(point.Y), notBefore,
            expiresAt, KeyUses.Encryption);
    }

    /// <summary>The encryption key, or null when this is a signing key, the point is not on P-256, or its fingerprint is not <see cref="KeyId"/>.</summary>
    public ECDiffieHellman? TryOpenAgreement()
    {
        if (!IsEncryption)
        {
            return null;
        }

        try
        {
            var key = ECDiffieHellman.Create(Parameters());
            if (string.Equals(PayloadEncryption.Fingerprint(key), KeyId, StringComparison.Ordinal))
            {
                return key;
            }

            key.Dispose();
            return null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private ECParameters Parameters() => new()
    {
        Curve = ECCurve.NamedCurves.nistP256,
        Q = new ECPoint { X = Base64Url.DecodeFromChars(X), Y = Base64Url.DecodeFromChars(Y) },
    };

    public static PublishedKey From(ECDsa key, DateTimeOffset notBefore, DateTimeOffset? expiresAt)
    {
        ArgumentNullException.ThrowIfNull(key);
        var point = key.ExportParameters(false).Q;
        return new PublishedKey(Es256.Fingerprint(key), Base64Url.EncodeToString(point.X), Base64Url.EncodeToString(point.Y), notBefore, expiresAt);
    }

    /// <summary>The signing key, or null when this is an encryption key, the point is not on P-256 or does not have the fingerprint the set names it by.</summary>
    public ECDsa? TryOpen()
    {
        if (Use != KeyUses.Signing)
        {
            return null;
        }

        try
        {
            var key = ECDsa.Create(Parameters());
            if (string.Equals(Es256.Fingerprint(key), KeyId, StringComparison.Ordinal))
            {
                return key;
            }

            key.Dispose();
            return null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or ArgumentException)
        {
            return null;
        }
    }
}

/// <summary>A key the node no longer stands behind, from <see cref="RevokedAt"/> on.</summary>
public sealed record RevokedKey(string KeyId, DateTimeOffset RevokedAt);

/// <summary>
/// What a node publishes about its own keys (JWKS-like): those partners may accept, and those they must refuse.
/// Times are whole seconds, as JWT's <c>nbf</c>/<c>exp</c>.
/// </summary>
public sealed record KeySet(CountryCode Country, DateTimeOffset IssuedAt, IReadOnlyList<PublishedKey> Keys, IReadOnlyList<RevokedKey> Revoked)
{
    public static DateTimeOffset Truncate(DateTimeOffset at) => DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds());

    /// <summary>The bytes each signature covers: fixed property order, times as Unix seconds, keys and revocations in the order listed.</summary>
    public byte[] CanonicalBytes()
    {
        using var buffer = new MemoryStream(256 + (Keys.Count * 200));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("country", Country.IsValid ? Country.Value : "");
            writer.WriteNumber("iat", IssuedAt.ToUnixTimeSeconds());
            writer.WriteStartArray("keys");
            foreach (var key in Keys)
            {
                writer.WriteStartObject();
                writer.WriteString("kid", key.KeyId);
                writer.WriteString("x", key.X);
                writer.WriteString("y", key.Y);
                writer.WriteNumber("nbf", key.NotBefore.ToUnixTimeSeconds());
                if (key.ExpiresAt is { } expires)
                {
                    writer.WriteNumber("exp", expires.ToUnixTimeSeconds());
                }
                else
                {
                    writer.WriteNull("exp");
                }

                // Written only for encryption keys: a set of signing keys alone keeps the bytes it had before ADR 0029.
                if (key.Use != KeyUses.Signing)
                {
                    writer.WriteString("use", key.Use);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("revoked");
            foreach (var revoked in Revoked)
            {
                writer.WriteStartObject();
                writer.WriteString("kid", revoked.KeyId);
                writer.WriteNumber("at", revoked.RevokedAt.ToUnixTimeSeconds());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Signed by each of <paramref name="signers"/>: during a rotation the old key vouches for the new one.</summary>
    public SignedKeySet SignWith(IEnumerable<(string KeyId, ECDsa Key)> signers)
    {
        var bytes = CanonicalBytes();
        return new SignedKeySet(this, [.. signers.Select(s => new KeySignature(s.KeyId, Es256.Sign(s.Key, bytes)))]);
    }
}

public sealed record KeySignature(string KeyId, string Signature);

public sealed record SignedKeySet(KeySet Set, IReadOnlyList<KeySignature> Signatures);

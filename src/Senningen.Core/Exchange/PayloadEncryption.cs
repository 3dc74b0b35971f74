using System.Security.Cryptography;
using System.Text.Json;
using Jose;

namespace Senningen.Core.Exchange;

/// <summary>A public key-agreement key (ECDH P-256) a payload is encrypted to, named by its fingerprint.</summary>
public sealed record EncryptionRecipient(string KeyId, ECDiffieHellman PublicKey);

/// <summary>What opening a payload gave: the plaintext, or one of <see cref="RejectionReasons"/>.</summary>
public readonly record struct OpenedPayload(string? Plaintext, string? Refusal);

/// <summary>
/// Message-level encryption of envelope payloads (ADR 0029): JWE (RFC 7516) in the general JSON serialisation, content
/// encrypted once with A256GCM and its key wrapped for each recipient with ECDH-ES+A256KW over P-256, the eDelivery AS4
/// 2.0 profile. The JOSE work is jose-jwt's; this class only fixes the algorithms, names recipients by key id and binds
/// the ciphertext to its message through a protected header, so a ciphertext moved into another envelope is refused.
/// </summary>
public static class PayloadEncryption
{
    public const string KeyAlgorithm = "ECDH-ES+A256KW";
    public const string ContentAlgorithm = "A256GCM";

    /// <summary>The protected header that names the message the ciphertext belongs to.</summary>
    public const string MessageHeader = "senningen-msg";

    // The members of a JWE JSON serialisation, general (recipients) or flattened (one recipient: header, encrypted_key);
    // a payload with only these at its top is a JWE.
    private static readonly HashSet<string> JweMembers =
        ["protected", "unprotected", "recipients", "header", "encrypted_key", "aad", "iv", "ciphertext", "tag"];

    /// <summary>SHA-256 of the SubjectPublicKeyInfo, lower-case hex, as <see cref="Es256.Fingerprint"/> for signing keys.</summary>
    public static string Fingerprint(ECDiffieHellman key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));
    }

    /// <summary>Encrypts <paramref name="plaintext"/> once, readable by each recipient's private key.</summary>
    public static string Encrypt(string plaintext, Guid messageId, IReadOnlyCollection<EncryptionRecipient> recipients)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(recipients);
        if (recipients.Count == 0)
        {
            throw new ArgumentException("A payload needs at least one recipient.", nameof(recipients));
        }

        var wrapped = recipients.Select(r => new JweRecipient(JweAlgorithm.ECDH_ES_A256KW, r.PublicKey,
            new Dictionary<string, object> { ["kid"] = r.KeyId })).ToArray();
        return JWE.Encrypt(plaintext, wrapped, JweEncryption.A256GCM, mode: SerializationMode.Json,
            extraProtectedHeaders: new Dictionary<string, object> { [MessageHeader] = messageId.ToString("D") });
    }

    /// <summary>
    /// True when the payload is a JWE in the JSON serialisation: an object whose members are all JWE members and include
    /// <c>ciphertext</c> and <c>recipients</c> (general) or <c>encrypted_key</c> (flattened, as jose-jwt writes a single
    /// recipient). No message contract has that shape, so a plain payload is never taken for one.
    /// </summary>
    public static bool IsEncrypted(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (!payload.StartsWith('{'))
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(payload), new JsonReaderOptions { MaxDepth = EnvelopeInspection.MaxPayloadDepth });
            var (sawCiphertext, sawRecipients) = (false, false);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                if (!JweMembers.Contains(name))
                {
                    return false;
                }

                (sawCiphertext, sawRecipients) = (sawCiphertext || name == "ciphertext", sawRecipients || name is "recipients" or "encrypted_key");
                reader.Skip();
            }

            return sawCiphertext && sawRecipients;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// Decrypts with the private key of whichever recipient <paramref name="findKey"/> knows by its <c>kid</c>. Refused
    /// with <see cref="RejectionReasons.NotEncryptedForUs"/> when no recipient is one of ours, and with
    /// <see cref="RejectionReasons.Undecryptable"/> when the algorithms are not ours, the ciphertext or a header was
    /// altered, or it was made for another message than <paramref name="messageId"/>.
    /// </summary>
    public static OpenedPayload Decrypt(string jwe, Guid messageId, Func<string, ECDiffieHellman?> findKey)
    {
        ArgumentNullException.ThrowIfNull(jwe);
        ArgumentNullException.ThrowIfNull(findKey);
        try
        {
            var parsed = JWE.Headers(jwe);
            var ours = parsed.Recipients.Select(r => r.JoseHeader?.TryGetValue("kid", out var kid) == true ? kid as string : null)
                .Where(kid => kid is not null).Select(kid => findKey(kid!)).FirstOrDefault(k => k is not null);
            if (ours is null)
            {
                return new OpenedPayload(null, RejectionReasons.NotEncryptedForUs);
            }

            var opened = JWE.Decrypt(jwe, ours, JweAlgorithm.ECDH_ES_A256KW, JweEncryption.A256GCM);
            var boundTo = opened.Recipient?.JoseHeader?.TryGetValue(MessageHeader, out var id) == true ? id as string : null;
            return string.Equals(boundTo, messageId.ToString("D"), StringComparison.Ordinal)
                ? new OpenedPayload(opened.Plaintext, null)
                : new OpenedPayload(null, RejectionReasons.Undecryptable);
        }
        catch (Exception ex) when (ex is JoseException or CryptographicException or JsonException or FormatException or ArgumentException or InvalidOperationException
                                       or InvalidCastException)
        {
            // jose-jwt reports a failed tag check, a wrong key and a malformed token alike; all mean the same here.
            return new OpenedPayload(null, RejectionReasons.Undecryptable);
        }
    }
}

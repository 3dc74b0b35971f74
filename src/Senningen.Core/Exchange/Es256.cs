using System.Buffers.Text;
using System.Security.Cryptography;

namespace Senningen.Core.Exchange;

/// <summary>ES256 (ECDSA P-256 with SHA-256, r‖s encoding, base64url) and key fingerprints.</summary>
public static class Es256
{
    public static string Sign(ECDsa key, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(key);
        var signature = key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return Base64Url.EncodeToString(signature);
    }

    public static bool Verify(ECDsa key, ReadOnlySpan<byte> data, string signature)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (string.IsNullOrEmpty(signature) || signature.Length > 128)
        {
            return false;
        }

        Span<byte> raw = stackalloc byte[96];
        if (!Base64Url.TryDecodeFromChars(signature, raw, out var written) || written != 64)
        {
            return false;
        }

        return key.VerifyData(data, raw[..written], HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    /// <summary>SHA-256 of the SubjectPublicKeyInfo, lower-case hex: the key id partners compare out of band.</summary>
    public static string Fingerprint(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));
    }
}

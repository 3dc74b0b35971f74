using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Senningen.Node.Common.Exchange;

/// <summary>
/// The federation CA's certificate revocation list (PEM or DER), read with .NET's own CRL parser. Only a list whose
/// signature one of the trusted CA certificates verifies is believed: the file is copied in by a job, and a wrong or
/// truncated copy must not silently un-revoke anything, so the last good list stays in force until a good one replaces it.
/// </summary>
internal sealed class RevocationList
{
    private readonly byte[] _der;
    private readonly Dictionary<string, bool> _answers = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    private RevocationList(byte[] der, BigInteger number)
    {
        _der = der;
        Number = number;
    }

    /// <summary>The CRL number (RFC 5280 5.2.3): a list with a lower one than the list in force is an older copy.</summary>
    public BigInteger Number { get; }

    /// <summary>Reads and verifies a CRL file; the message says what is wrong with it.</summary>
    public static RevocationList Read(string path, X509Certificate2Collection roots)
    {
        var bytes = File.ReadAllBytes(path);
        var der = Der(bytes);
        // Load throws on anything that is not a CRL; it does not check the signature, which is done here.
        CertificateRevocationListBuilder.Load(der, out var number);
        if (!roots.Any(root => SignedBy(der, root)))
        {
            throw new CryptographicException($"{path} is not signed by any certificate of the federation CA.");
        }

        return new RevocationList(der, number);
    }

    /// <summary>True when the list names the certificate's serial number.</summary>
    public bool Revokes(X509Certificate2 certificate)
    {
        var serial = certificate.SerialNumberBytes.Span;
        var key = Convert.ToHexString(serial);
        lock (_lock)
        {
            if (!_answers.TryGetValue(key, out var revoked))
            {
                // The builder has no lookup; removing an entry from a fresh copy answers whether it was listed.
                revoked = CertificateRevocationListBuilder.Load(_der, out _).RemoveEntry(serial);
                _answers[key] = revoked;
            }

            return revoked;
        }
    }

    private static byte[] Der(byte[] bytes)
    {
        var text = System.Text.Encoding.ASCII.GetString(bytes);
        if (!text.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            return bytes;
        }

        var pem = PemEncoding.Find(text);
        return text[pem.Label] == "X509 CRL"
            ? Convert.FromBase64String(text[pem.Base64Data])
            : throw new CryptographicException($"The PEM block is a {text[pem.Label]}, not an X509 CRL.");
    }

    // CertificateList ::= SEQUENCE { tbsCertList, signatureAlgorithm, signatureValue BIT STRING } (RFC 5280 5.1).
    private static bool SignedBy(byte[] der, X509Certificate2 issuer)
    {
        var list = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        var tbs = list.ReadEncodedValue().ToArray();
        var algorithm = list.ReadSequence().ReadObjectIdentifier();
        var signature = list.ReadBitString(out _);
        var hash = algorithm switch
        {
            "1.2.840.10045.4.3.2" or "1.2.840.113549.1.1.11" => HashAlgorithmName.SHA256,
            "1.2.840.10045.4.3.3" or "1.2.840.113549.1.1.12" => HashAlgorithmName.SHA384,
            "1.2.840.10045.4.3.4" or "1.2.840.113549.1.1.13" => HashAlgorithmName.SHA512,
            _ => default,
        };
        if (hash == default)
        {
            return false;
        }

        using var ec = issuer.GetECDsaPublicKey();
        if (ec is not null)
        {
            return ec.VerifyData(tbs, signature, hash, DSASignatureFormat.Rfc3279DerSequence);
        }

        using var rsa = issuer.GetRSAPublicKey();
        return rsa is not null && rsa.VerifyData(tbs, signature, hash, RSASignaturePadding.Pkcs1);
    }
}

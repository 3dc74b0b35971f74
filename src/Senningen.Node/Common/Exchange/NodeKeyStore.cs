using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Senningen.Node.Common.Exchange;

/// <summary>The node's ECDSA P-256 signing key and its id (fingerprint of the public key).</summary>
public sealed class NodeSigningKey(ECDsa key) : IDisposable
{
    public ECDsa Key { get; } = key;

    public string KeyId { get; } = Core.Exchange.Es256.Fingerprint(key);

    public string PublicKeyPem => Key.ExportSubjectPublicKeyInfoPem();

    public void Dispose() => Key.Dispose();
}

/// <summary>
/// Loads the signing key from a configured PEM or PKCS#12 file, or generates one on first start into the data
/// directory, readable only by the node's user (mode 600).
/// </summary>
public static class NodeKeyStore
{
    public const string GeneratedFileName = "node-signing-key.pem";

    public static NodeSigningKey LoadOrCreate(string dataDirectory, string? configuredFile, string? password)
    {
        if (!string.IsNullOrEmpty(configuredFile))
        {
            return new NodeSigningKey(LoadConfigured(configuredFile, password));
        }

        var path = Path.Combine(dataDirectory, GeneratedFileName);
        if (File.Exists(path))
        {
            var existing = ECDsa.Create();
            existing.ImportFromPem(File.ReadAllText(path));
            return new NodeSigningKey(existing);
        }

        Directory.CreateDirectory(dataDirectory);
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options))
        {
            writer.Write(key.ExportPkcs8PrivateKeyPem());
        }

        return new NodeSigningKey(key);
    }

    private static ECDsa LoadConfigured(string file, string? password)
    {
        if (file.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".p12", StringComparison.OrdinalIgnoreCase))
        {
            using var certificate = X509CertificateLoader.LoadPkcs12FromFile(file, password, X509KeyStorageFlags.EphemeralKeySet);
            return certificate.GetECDsaPrivateKey() ?? throw new CryptographicException($"{file} holds no ECDSA private key.");
        }

        var key = ECDsa.Create();
        if (string.IsNullOrEmpty(password))
        {
            key.ImportFromPem(File.ReadAllText(file));
        }
        else
        {
            key.ImportFromEncryptedPem(File.ReadAllText(file), password);
        }

        return key;
    }

    /// <summary>Reads a partner's public key: a SubjectPublicKeyInfo PEM or a certificate PEM.</summary>
    public static ECDsa ReadPublicKey(string pem)
    {
        if (pem.Contains("BEGIN CERTIFICATE", StringComparison.Ordinal))
        {
            using var certificate = X509Certificate2.CreateFromPem(pem);
            var fromCertificate = certificate.GetECDsaPublicKey() ?? throw new CryptographicException("The certificate holds no ECDSA key.");
            var copy = ECDsa.Create();
            copy.ImportSubjectPublicKeyInfo(fromCertificate.ExportSubjectPublicKeyInfo(), out _);
            return copy;
        }

        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        if (key.KeySize != 256)
        {
            throw new CryptographicException("Partner keys must be ECDSA P-256.");
        }

        return key;
    }
}

using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Senningen.Testing;

/// <summary>A throw-away federation CA and one certificate per node (server and client use), written to a folder.</summary>
public sealed class TestCertificates : IDisposable
{
    public const string Password = "test-only";

    private TestCertificates(string directory) => Directory = directory;

    public string Directory { get; }

    public string CaPemPath => Path.Combine(Directory, "federation-ca.pem");

    public string PfxPath(string name) => Path.Combine(Directory, $"{name}.pfx");

    public string Thumbprint(string name)
    {
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(PfxPath(name), Password);
        return certificate.GetCertHashString(HashAlgorithmName.SHA256);
    }

    public static TestCertificates Create(params string[] names)
    {
        var certificates = new TestCertificates(System.IO.Directory.CreateTempSubdirectory("senningen-pki-").FullName);
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Senningen test federation CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        File.WriteAllText(certificates.CaPemPath, ca.ExportCertificatePem());
        var serial = 1;
        foreach (var name in names)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest($"CN=senningen-{name}", key, HashAlgorithmName.SHA256);
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(IPAddress.Loopback);
            san.AddDnsName("localhost");
            request.CertificateExtensions.Add(san.Build());
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
                [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
            using var issued = request.Create(ca, now.AddDays(-1), now.AddDays(30), [(byte)serial++, 0x5E]);
            using var withKey = issued.CopyWithPrivateKey(key);
            File.WriteAllBytes(certificates.PfxPath(name), withKey.Export(X509ContentType.Pkcs12, Password));
        }

        return certificates;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Senningen.Testing;

/// <summary>
/// A throw-away federation CA, one certificate per node (server and client use) and the CA's revocation list, written to
/// a folder; certificates can be issued again (a renewal) and revoked (the CRL is written again).
/// </summary>
public sealed class TestCertificates : IDisposable
{
    public const string Password = "test-only";

    private readonly ECDsa _caKey;
    private readonly X509Certificate2 _ca;
    private readonly List<(byte[] Serial, DateTimeOffset When)> _revoked = [];
    private int _serial;
    private int _crlNumber;
    private bool _ownsDirectory;

    private TestCertificates(string directory, ECDsa caKey, X509Certificate2 ca)
    {
        Directory = directory;
        _caKey = caKey;
        _ca = ca;
    }

    public string Directory { get; }

    public string CaPemPath => Path.Combine(Directory, "federation-ca.pem");

    public string CrlPath => Path.Combine(Directory, "federation.crl");

    public string PfxPath(string name) => Path.Combine(Directory, $"{name}.pfx");

    public string Thumbprint(string name)
    {
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(PfxPath(name), Password);
        return certificate.GetCertHashString(HashAlgorithmName.SHA256);
    }

    public static TestCertificates Create(params string[] names)
    {
        var certificates = CreateIn(System.IO.Directory.CreateTempSubdirectory("senningen-pki-").FullName, names);
        certificates._ownsDirectory = true;
        return certificates;
    }

    /// <summary>A CA and certificates written into <paramref name="directory"/>, which the caller owns.</summary>
    public static TestCertificates CreateIn(string directory, params string[] names)
    {
        var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Senningen test federation CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        var certificates = new TestCertificates(directory, caKey, caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30)));
        File.WriteAllText(certificates.CaPemPath, certificates._ca.ExportCertificatePem());
        foreach (var name in names)
        {
            certificates.Issue(name);
        }

        certificates.WriteCrl();
        return certificates;
    }

    /// <summary>Issues (or issues again, as a renewal with a new key and serial) the certificate <paramref name="name"/>.</summary>
    public void Issue(string name)
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
        var now = DateTimeOffset.UtcNow;
        using var issued = request.Create(_ca, now.AddDays(-1), now.AddDays(29), [(byte)++_serial, 0x5E]);
        using var withKey = issued.CopyWithPrivateKey(key);
        File.WriteAllBytes(PfxPath(name), withKey.Export(X509ContentType.Pkcs12, Password));
    }

    /// <summary>Lists the current certificate <paramref name="name"/> in the CA's CRL and writes it again (PEM).</summary>
    public void Revoke(string name)
    {
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(PfxPath(name), Password);
        _revoked.Add((certificate.SerialNumberBytes.ToArray(), DateTimeOffset.UtcNow));
        WriteCrl();
    }

    private void WriteCrl()
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (var (serial, when) in _revoked)
        {
            builder.AddEntry(serial, when, X509RevocationReason.KeyCompromise);
        }

        var now = DateTimeOffset.UtcNow;
        var crl = builder.Build(_ca, ++_crlNumber, now.AddDays(7), HashAlgorithmName.SHA256, thisUpdate: now);
        // Written aside and moved, as a CRL job would: the node never reads half a file.
        var temporary = CrlPath + ".new";
        File.WriteAllText(temporary, PemEncoding.WriteString("X509 CRL", crl));
        File.Move(temporary, CrlPath, overwrite: true);
    }

    public void Dispose()
    {
        _ca.Dispose();
        _caKey.Dispose();
        if (!_ownsDirectory)
        {
            return;
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A node may still hold a file; the temp folder is cleaned by the OS.
        }
    }
}

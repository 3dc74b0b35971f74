using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Senningen.Testing;

/// <summary>
/// A throw-away self-signed RSA certificate for a node's data-protection keys, made in code and written with a random
/// password into the node's data directory: a node outside demo mode refuses to start without one.
/// </summary>
public static class KeyProtectionCertificate
{
    public const string PathKey = "Senningen:DataProtection:CertificatePath";
    public const string PasswordKey = "Senningen:DataProtection:CertificatePassword";

    /// <summary>Writes <c>dataprotection.pfx</c> into <paramref name="directory"/> (once) and returns the two settings that name it.</summary>
    public static Dictionary<string, string?> Create(string directory)
    {
        var path = Path.Combine(directory, "dataprotection.pfx");
        var passwordPath = path + ".password";
        if (!File.Exists(path) || !File.Exists(passwordPath))
        {
            Directory.CreateDirectory(directory);
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=Senningen test key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, true));
            var now = DateTimeOffset.UtcNow;
            using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
            var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
            File.WriteAllText(passwordPath, password);
        }

        return new Dictionary<string, string?> { [PathKey] = path, [PasswordKey] = File.ReadAllText(passwordPath) };
    }
}

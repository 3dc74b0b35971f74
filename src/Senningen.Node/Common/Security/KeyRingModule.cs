using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Security;

/// <summary>
/// Data protection (cookies, bearer tokens): the key ring lives in the database, so instances sharing it accept each
/// other's cookies and tokens. Outside demo mode it is encrypted with a certificate kept outside the database, so a
/// database backup alone cannot forge a session; without one the node does not start.
/// </summary>
internal static partial class KeyRingModule
{
    public const string CertificateKey = "Senningen:DataProtection:CertificatePath";
    public const string PasswordKey = "Senningen:DataProtection:CertificatePassword";

    public static WebApplicationBuilder AddKeyRing(this WebApplicationBuilder builder)
    {
        var settings = builder.NodeSettings;
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("senningen-node-" + settings.Country.Value)
            .PersistKeysToDbContext<SenningenDbContext>();
        if (settings.KeyProtection is { } protection)
        {
            dataProtection.ProtectKeysWithCertificate(Load(protection));
        }
        else if (!settings.DemoMode)
        {
            throw new ConfigurationProblemException([
                $"{CertificateKey} is missing: outside demo mode the data-protection keys (which sign cookies and tokens) are encrypted "
                + $"with a PKCS#12 certificate with a private key, its password in {PasswordKey}. See README, \"Data protection\"."]);
        }

        return builder;
    }

    /// <summary>
    /// Outside demo mode, deletes keys stored in clear (a former demo database, or a node from before the certificate was
    /// required) before the key ring is first read: left in place, the default key would stay readable from a backup
    /// until it expires. Their cookies and tokens end; users sign in again under a new, encrypted key.
    /// </summary>
    public static async Task RemoveUnprotectedKeysAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetRequiredService<NodeSettings>().DemoMode)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var plain = await db.DataProtectionKeys.Where(k => k.Xml != null && k.Xml.Contains("<masterKey")).ToListAsync(cancellationToken);
        if (plain.Count == 0)
        {
            return;
        }

        db.DataProtectionKeys.RemoveRange(plain);
        await db.SaveChangesAsync(cancellationToken);
        LogUnprotectedKeysRemoved(scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(KeyRingModule)), plain.Count);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed {Count} data-protection keys stored unencrypted; the sessions and tokens they protected have ended.")]
    private static partial void LogUnprotectedKeysRemoved(ILogger logger, int count);

    private static X509Certificate2 Load(KeyProtection protection)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(protection.CertificatePath, protection.CertificatePassword);
        }
        catch (CryptographicException e)
        {
            throw new ConfigurationProblemException([
                $"{CertificateKey} = '{protection.CertificatePath}' could not be opened ({e.Message}): check the file and {PasswordKey}."]);
        }

        using var key = certificate.HasPrivateKey ? certificate.GetRSAPrivateKey() : null;
        if (key is null)
        {
            certificate.Dispose();
            throw new ConfigurationProblemException([
                $"{CertificateKey} = '{protection.CertificatePath}' holds no RSA private key: the key ring is encrypted (XML encryption) with an RSA certificate."]);
        }

        return certificate;
    }
}

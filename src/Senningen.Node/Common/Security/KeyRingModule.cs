using Microsoft.AspNetCore.DataProtection;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Security;

/// <summary>
/// Data protection (cookies, bearer tokens): the key ring lives in the database, so instances sharing it accept each
/// other's cookies and tokens, and is encrypted at rest when a certificate is configured.
/// </summary>
internal static class KeyRingModule
{
    public static WebApplicationBuilder AddKeyRing(this WebApplicationBuilder builder)
    {
        var settings = builder.NodeSettings;
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("senningen-node-" + settings.Country.Value)
            .PersistKeysToDbContext<SenningenDbContext>();
        if (settings.KeyProtection is { } protection)
        {
            dataProtection.ProtectKeysWithCertificate(
                System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(protection.CertificatePath, protection.CertificatePassword));
        }

        return builder;
    }
}

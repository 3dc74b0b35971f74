using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Common.Exchange;

/// <summary>
/// Mutual TLS between nodes under a federation CA (<c>Senningen:Exchange:TrustedCaPath</c>): partners' server
/// certificates are checked against it when sending, and partners' client certificates when receiving. Which partner
/// a certificate belongs to is then checked per envelope against the thumbprint in the trust list.
/// </summary>
internal static class PartnerTls
{
    public static void ConfigureClient(SocketsHttpHandler handler, ExchangeSettings exchange)
    {
        var options = new SslClientAuthenticationOptions();
        if (exchange.ClientCertificatePath is { } path)
        {
            options.ClientCertificates = [X509CertificateLoader.LoadPkcs12FromFile(path, exchange.ClientCertificatePassword)];
        }

        if (exchange.TrustedCaPath is { } ca)
        {
            var roots = LoadRoots(ca);
            options.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                certificate is not null
                && (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0
                && ChainsTo(certificate, roots);
        }

        handler.SslOptions = options;
    }

    public static void ConfigureServer(HttpsConnectionAdapterOptions https, ExchangeSettings exchange)
    {
        if (exchange.TrustedCaPath is not { } ca)
        {
            return;
        }

        // Browsers are not asked for a certificate they do not have: a missing one is allowed, a wrong one is not.
        var roots = LoadRoots(ca);
        https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
        https.ClientCertificateValidation = (certificate, _, _) => ChainsTo(certificate, roots);
    }

    private static X509Certificate2Collection LoadRoots(string path)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(path);
        return roots;
    }

    private static bool ChainsTo(X509Certificate certificate, X509Certificate2Collection roots)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        // The certificate belongs to the connection, which reads it again later: only a copy made here is disposed.
        if (certificate is X509Certificate2 leaf)
        {
            return chain.Build(leaf);
        }

        using var copy = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(copy);
    }
}

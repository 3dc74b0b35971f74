using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Senningen.Core.Countries;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Common.Exchange;

/// <summary>
/// Mutual TLS between nodes under a federation CA (<c>Senningen:Exchange:TrustedCaPath</c>), judged by
/// <see cref="PartnerCertificates"/>. Sending, each partner has its own connection pool whose handshake accepts only a
/// server certificate pinned for that partner. Receiving, the handshake accepts any unrevoked certificate of the CA
/// (browsers present none), and the inbox then checks per envelope that it is one pinned for the partner that signed.
/// </summary>
internal static class PartnerTls
{
    public const string Sending = "sending";
    public const string Receiving = "receiving";

    public static void ConfigureClient(SocketsHttpHandler handler, ExchangeSettings exchange, CountryCode partner, IServiceProvider services)
    {
        var options = new SslClientAuthenticationOptions();
        if (exchange.ClientCertificatePath is { } path)
        {
            options.ClientCertificates = [X509CertificateLoader.LoadPkcs12FromFile(path, exchange.ClientCertificatePassword)];
        }

        var certificates = services.GetRequiredService<PartnerCertificates>();
        if (certificates.Enabled)
        {
            var refusals = services.GetRequiredService<TransportRefusals>();
            options.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            {
                var reason = (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0
                    ? "certificate-name-mismatch"
                    : certificates.JudgeServer(certificate, partner);
                if (reason is not null)
                {
                    refusals.Note(partner.Value, Sending, reason, Describe(certificate));
                }

                return reason is null;
            };
            handler.ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return certificates.Track(new NetworkStream(socket, ownsSocket: true));
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        handler.SslOptions = options;
    }

    public static void ConfigureServer(HttpsConnectionAdapterOptions https, IServiceProvider services)
    {
        var certificates = services.GetRequiredService<PartnerCertificates>();
        if (!certificates.Enabled)
        {
            return;
        }

        // Browsers are not asked for a certificate they do not have: a missing one is allowed, a wrong one is not.
        var refusals = services.GetRequiredService<TransportRefusals>();
        https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
        https.ClientCertificateValidation = (certificate, _, _) =>
        {
            var reason = certificates.JudgeCaller(certificate);
            if (reason is not null)
            {
                refusals.Note("?", Receiving, reason, Describe(certificate));
            }

            return reason is null;
        };
    }

    public static string Describe(X509Certificate? certificate) => certificate is null
        ? "no certificate"
        : $"{certificate.Subject} (SHA-256 {Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData()))})";
}

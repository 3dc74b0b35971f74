using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Senningen.Node.Common.Exchange;

/// <summary>
/// Behind nginx (deploy/nginx), TLS ends at the front, so the partner's client certificate reaches the node only as the
/// <c>X-Client-Certificate</c> header (<c>$ssl_client_escaped_cert</c>, URL-encoded PEM). It is believed only on the
/// partner inbox, only from a proxy named in <c>Senningen:Proxy:KnownProxies</c>/<c>:KnownNetworks</c> (loopback by
/// default), and only when the connection brought no certificate of its own; the inbox then judges it as it would a
/// certificate presented to Kestrel (chain, revocation, pin). Runs before the forwarded headers rewrite the caller's address.
/// </summary>
internal sealed class ForwardedClientCertificate(RequestDelegate next, IOptions<ForwardedHeadersOptions> proxies)
{
    public const string Header = "X-Client-Certificate";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Connection.ClientCertificate is null && context.Request.Headers[Header] is [{ Length: > 0 } escaped]
            && context.Connection.RemoteIpAddress is { } caller && FromKnownProxy(caller))
        {
            try
            {
                using var certificate = X509Certificate2.CreateFromPem(Uri.UnescapeDataString(escaped));
                // A copy without the PEM reader's state; it lives as long as the request.
                var forwarded = X509CertificateLoader.LoadCertificate(certificate.RawData);
                context.Response.RegisterForDispose(forwarded);
                context.Connection.ClientCertificate = forwarded;
            }
            catch (Exception ex) when (ex is CryptographicException or ArgumentException)
            {
                // Not a certificate: the envelope is judged as arriving without one, and refused for that.
            }
        }

        await next(context);
    }

    private bool FromKnownProxy(System.Net.IPAddress caller)
    {
        var options = proxies.Value;
        var address = caller.IsIPv4MappedToIPv6 ? caller.MapToIPv4() : caller;
        return options.KnownProxies.Contains(address) || options.KnownIPNetworks.Any(n => n.Contains(address));
    }
}

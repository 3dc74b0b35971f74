using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;

namespace Senningen.Node.Common.Hosting;

/// <summary>
/// Kestrel: the largest request body, partners' client certificates on HTTPS, loopback when no URL is configured, and
/// which reverse proxies it believes about the caller's address and scheme.
/// </summary>
internal static class KestrelModule
{
    public static WebApplicationBuilder AddKestrel(this WebApplicationBuilder builder)
    {
        var settings = builder.NodeSettings;
        builder.WebHost.UseStaticWebAssets();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = settings.Api.MaxRequestBodyBytes;
            k.ConfigureHttpsDefaults(https => PartnerTls.ConfigureServer(https, k.ApplicationServices));
        });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls("http://127.0.0.1:5100");
        }

        builder.AddForwardedHeaders();

        return builder;
    }
}

using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Node.Common.Exchange.Data;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Exchange;

/// <summary>
/// Behind nginx the partner's certificate reaches the node as the <c>X-Client-Certificate</c> header, set by the front
/// after it verified the TLS session. Here BE's own client adds that header as nginx would, over plain HTTP on loopback
/// (a known proxy by default): NL judges the forwarded certificate against its pins, and ignores it from anywhere else.
/// </summary>
public sealed class ForwardedCertificateTests
{
    [Fact]
    public async Task ForwardedByAKnownProxy_APinnedCertificate_IsAccepted()
    {
        using var pki = TestCertificates.Create("BE", "impostor");
        await using var network = await StartAsync(pki, forwarded: "BE");

        await EnqueueAsync(network["BE"], "NL", 2);

        await EventuallyAsync(async () => await CountOutboxAsync(network["BE"], OutboxStatus.Receipted) == 2, "BE holds two receipts");
        (await CountInboxAsync(network["NL"])).ShouldBe(2);
    }

    [Fact]
    public async Task ForwardedByAKnownProxy_ACertificateNotPinnedForTheSender_IsRefused()
    {
        using var pki = TestCertificates.Create("BE", "impostor");
        await using var network = await StartAsync(pki, forwarded: "impostor");

        await EnqueueAsync(network["BE"], "NL", 1);

        await EventuallyAsync(async () => await CountOutboxAsync(network["BE"], OutboxStatus.Rejected) == 1, "BE holds a rejection");
        (await QueryAsync(network["BE"], db => db.Outbox.SingleAsync())).LastError.ShouldBe("certificate-not-pinned");
        (await CountInboxAsync(network["NL"])).ShouldBe(0);
    }

    [Fact]
    public async Task ForwardedByACallerThatIsNoKnownProxy_IsIgnored()
    {
        using var pki = TestCertificates.Create("BE", "impostor");
        await using var network = await StartAsync(pki, forwarded: "BE", nlProxies: "10.9.9.9");

        await EnqueueAsync(network["BE"], "NL", 1);

        await EventuallyAsync(async () => await CountOutboxAsync(network["BE"], OutboxStatus.Rejected) == 1, "BE holds a rejection");
        (await QueryAsync(network["BE"], db => db.Outbox.SingleAsync())).LastError.ShouldBe("certificate-not-pinned");
    }

    [Fact]
    public async Task ForwardedByAKnownProxy_SomethingThatIsNoCertificate_IsRefused()
    {
        using var pki = TestCertificates.Create("BE", "impostor");
        await using var network = await StartAsync(pki, forwarded: null);

        await EnqueueAsync(network["BE"], "NL", 1);

        await EventuallyAsync(async () => await CountOutboxAsync(network["BE"], OutboxStatus.Rejected) == 1, "BE holds a rejection");
        (await QueryAsync(network["BE"], db => db.Outbox.SingleAsync())).LastError.ShouldBe("certificate-not-pinned");
    }

    private static async Task<TestNetwork> StartAsync(TestCertificates pki, string? forwarded, string? nlProxies = null)
    {
        string header;
        if (forwarded is null)
        {
            header = Uri.EscapeDataString("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
        }
        else
        {
            using var certificate = X509CertificateLoader.LoadPkcs12FromFile(pki.PfxPath(forwarded), TestCertificates.Password);
            header = Uri.EscapeDataString(certificate.ExportCertificatePem());
        }

        var network = await TestNetwork.CreateAsync(["BE", "NL"],
            settings: country => country == "NL"
                ? new Dictionary<string, string?>
                {
                    ["Senningen:Exchange:TrustedCaPath"] = pki.CaPemPath,
                    ["Senningen:Exchange:CrlPath"] = pki.CrlPath,
                    ["Senningen:Node:Partners:0:CertificateThumbprints"] = pki.Thumbprint("BE"),
                    ["Senningen:Proxy:KnownProxies"] = nlProxies,
                }
                : [],
            services: (country, s) =>
            {
                if (country == "BE")
                {
                    s.AddHttpClient("exchange:NL").AddHttpMessageHandler(() => new AsNginx(header));
                }
            });
        await network["NL"].StartAgainAsync();
        await network["BE"].StartAgainAsync();
        return network;
    }

    // What deploy/nginx/senningen.conf adds on /exchange/: proxy_set_header X-Client-Certificate $ssl_client_escaped_cert.
    private sealed class AsNginx(string header) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation("X-Client-Certificate", header);
            return base.SendAsync(request, cancellationToken);
        }
    }
}

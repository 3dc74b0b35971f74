using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Exchange.Data;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Exchange;

/// <summary>Two nodes over HTTPS with mutual TLS under a throw-away federation CA, as in production.</summary>
public sealed class MutualTlsTests
{
    [Fact]
    public async Task OverMutualTls_WithRegisteredCertificates_MessagesAreReceipted()
    {
        using var pki = TestCertificates.Create("BE", "NL");
        await using var network = await StartAsync(pki, thumbprintOf: partner => pki.Thumbprint(partner));

        await EnqueueAsync(network["BE"], "NL", 2);

        await EventuallyAsync(async () => await CountOutboxAsync(network["BE"], OutboxStatus.Receipted) == 2, "BE holds two receipts");
        (await CountInboxAsync(network["NL"])).ShouldBe(2);
    }

    [Fact]
    public async Task OverMutualTls_AClientCertificateOtherThanTheRegisteredOne_IsRefused()
    {
        using var pki = TestCertificates.Create("BE", "NL", "impostor");
        await using var network = await StartAsync(pki, thumbprintOf: _ => pki.Thumbprint("impostor"));

        await EnqueueAsync(network["BE"], "NL", 1);

        await EventuallyAsync(async () => await CountOutboxAsync(network["BE"], OutboxStatus.Rejected) == 1, "BE holds a rejection");
        (await QueryAsync(network["BE"], db => db.Outbox.SingleAsync())).LastError.ShouldBe("unknown-sender");
        (await CountInboxAsync(network["NL"])).ShouldBe(0);
    }

    private static async Task<TestNetwork> StartAsync(TestCertificates pki, Func<string, string> thumbprintOf)
    {
        var network = await TestNetwork.CreateAsync(["BE", "NL"], scheme: "https", settings: country => new Dictionary<string, string?>
        {
            ["Kestrel:Certificates:Default:Path"] = pki.PfxPath(country),
            ["Kestrel:Certificates:Default:Password"] = TestCertificates.Password,
            ["Senningen:Exchange:ClientCertificatePath"] = pki.PfxPath(country),
            ["Senningen:Exchange:ClientCertificatePassword"] = TestCertificates.Password,
            ["Senningen:Exchange:TrustedCaPath"] = pki.CaPemPath,
            ["Senningen:Node:Partners:0:CertificateThumbprint"] = thumbprintOf(country == "BE" ? "NL" : "BE"),
        });
        await network["NL"].StartAgainAsync();
        await network["BE"].StartAgainAsync();
        return network;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Exchange.Data;
using static Senningen.Node.Tests.Exchange.ExchangeHelpers;

namespace Senningen.Node.Tests.Exchange;

/// <summary>
/// Two nodes over HTTPS with mutual TLS under a throw-away federation CA and its CRL, made in code as in production:
/// each pins its partner's certificates, in both directions, and honours revocation without a restart.
/// </summary>
public sealed class MutualTlsTests
{
    [Fact]
    public async Task OverMutualTls_WithPinnedCertificates_MessagesAreReceipted()
    {
        using var pki = TestCertificates.Create("BE", "NL");
        await using var network = await StartAsync(pki, pins: partner => [pki.Thumbprint(partner)]);

        await EnqueueAsync(network["BE"], "NL", 2);

        await EventuallyAsync(async () => await CountOutboxAsync(network["BE"], OutboxStatus.Receipted) == 2, "BE holds two receipts");
        (await CountInboxAsync(network["NL"])).ShouldBe(2);
    }

    [Fact]
    public async Task Receiving_AClientCertificateOfTheSameCaNotPinnedForTheSender_IsRefusedAndAuditedOncePerWindow()
    {
        using var pki = TestCertificates.Create("BE", "NL", "impostor");
        // BE pins NL's real certificate (so it sends), NL pins another certificate of the same CA for BE.
        await using var network = await StartAsync(pki, pins: partner => [pki.Thumbprint(partner == "BE" ? "impostor" : partner)]);

        await EnqueueAsync(network["BE"], "NL", 3);

        await EventuallyAsync(async () => await CountOutboxAsync(network["BE"], OutboxStatus.Rejected) == 3, "BE holds three rejections");
        (await QueryAsync(network["BE"], db => db.Outbox.Select(m => m.LastError).Distinct().ToListAsync())).ShouldBe(["certificate-not-pinned"]);
        (await CountInboxAsync(network["NL"])).ShouldBe(0);
        network["NL"].Services.GetRequiredService<TransportRefusals>().Last("BE", "receiving").ShouldBe("certificate-not-pinned");
        // Three refusals, one window: the first audited on its own, the other two waiting for the window's summary.
        (await QueryAsync(network["NL"], db => db.AuditEntries.CountAsync(e => e.Action == "exchange.refused"))).ShouldBe(1);
    }

    [Fact]
    public async Task Sending_APartnerServerCertificateOfTheSameCaNotPinnedForIt_IsRefusedBeforeAnythingIsSent()
    {
        using var pki = TestCertificates.Create("BE", "NL", "impostor");
        await using var network = await StartAsync(pki, pins: partner => [pki.Thumbprint(partner == "NL" ? "impostor" : partner)]);

        await EnqueueAsync(network["BE"], "NL", 1);

        var refusals = network["BE"].Services.GetRequiredService<TransportRefusals>();
        await EventuallyAsync(() => Task.FromResult(refusals.Last("NL", "sending") == "certificate-not-pinned"), "BE refuses NL's server certificate");
        await EventuallyAsync(async () => (await QueryAsync(network["BE"], db => db.Outbox.SingleAsync())).LastError?.Contains("certificate-not-pinned") == true,
            "the outbox names the refusal");
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        (await CountInboxAsync(network["NL"])).ShouldBe(0);
        (await CountOutboxAsync(network["BE"], OutboxStatus.Receipted)).ShouldBe(0);
        // The dispatcher retried in that second; the audit log holds one entry for the window, not one per attempt.
        (await QueryAsync(network["BE"], db => db.AuditEntries.CountAsync(e => e.Action == "exchange.transport-refused" && EF.Functions.Like(e.Detail!, "sending%")))).ShouldBe(1);
    }

    [Fact]
    public async Task Sending_APartnerServerCertificateTheCrlListsLater_IsRefusedWithoutARestart()
    {
        using var pki = TestCertificates.Create("BE", "NL");
        await using var network = await StartAsync(pki, pins: partner => [pki.Thumbprint(partner)]);
        await EnqueueAsync(network["BE"], "NL", 1);
        await EventuallyAsync(async () => await CountInboxAsync(network["NL"]) == 1, "the first message arrives");

        pki.Revoke("NL");
        var refusals = network["BE"].Services.GetRequiredService<TransportRefusals>();
        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);
        await EnqueueAsync(network["BE"], "NL", 1);

        await EventuallyAsync(() => Task.FromResult(refusals.Last("NL", "sending") == "certificate-revoked"), "BE refuses NL's revoked certificate");
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        (await CountInboxAsync(network["NL"])).ShouldBe(1);
    }

    [Fact]
    public async Task Receiving_AClientCertificateTheCrlListsLater_IsRefusedWithoutARestart()
    {
        using var pki = TestCertificates.Create("BE", "NL");
        await using var network = await StartAsync(pki, pins: partner => [pki.Thumbprint(partner)]);
        await EnqueueAsync(network["BE"], "NL", 1);
        await EventuallyAsync(async () => await CountInboxAsync(network["NL"]) == 1, "the first message arrives");

        pki.Revoke("BE");
        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);
        await EnqueueAsync(network["BE"], "NL", 1);

        // BE dropped its connections when the CRL changed: NL refuses BE's certificate at the handshake.
        var refusals = network["NL"].Services.GetRequiredService<TransportRefusals>();
        await EventuallyAsync(() => Task.FromResult(refusals.Last("?", "receiving") == "certificate-revoked"), "NL refuses BE's revoked certificate");
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        (await CountInboxAsync(network["NL"])).ShouldBe(1);
        (await QueryAsync(network["NL"], db => db.AuditEntries.CountAsync(e => e.Action == "exchange.transport-refused" && EF.Functions.Like(e.Detail!, "receiving%")))).ShouldBe(1);
    }

    [Fact]
    public async Task Renewal_WithTheOldAndTheNewCertificatePinned_LosesNoMessage()
    {
        using var pki = TestCertificates.Create("BE", "NL", "BE-renewed");
        await using var network = await StartAsync(pki, pins: partner => partner == "BE"
            ? [pki.Thumbprint("BE"), pki.Thumbprint("BE-renewed")]
            : [pki.Thumbprint("NL")]);
        await EnqueueAsync(network["BE"], "NL", 20);

        // BE changes certificate in the middle of the stream: messages not yet sent go out under the renewed one.
        await EventuallyAsync(async () => await CountInboxAsync(network["NL"]) >= 1, "the stream has started");
        await network["BE"].StopAsync();
        UseCertificate(network["BE"], pki, "BE-renewed");
        await network["BE"].StartAgainAsync();
        await EnqueueAsync(network["BE"], "NL", 20);

        await EventuallyAsync(async () => await CountOutboxAsync(network["BE"], OutboxStatus.Receipted) == 40, "BE holds forty receipts");
        (await CountInboxAsync(network["NL"])).ShouldBe(40);
        (await QueryAsync(network["NL"], db => db.AuditEntries.CountAsync(e => e.Action == "exchange.refused"))).ShouldBe(0);
    }

    [Fact]
    public async Task RevokedThumbprint_ConfiguredOnTheReceiver_IsRefusedAlthoughPinned()
    {
        using var pki = TestCertificates.Create("BE", "NL");
        await using var network = await StartAsync(pki, pins: partner => [pki.Thumbprint(partner)],
            extra: country => country == "NL" ? new() { ["Senningen:Exchange:RevokedThumbprints:0"] = pki.Thumbprint("BE") } : []);

        await EnqueueAsync(network["BE"], "NL", 1);

        await EventuallyAsync(() => Task.FromResult(network["NL"].Services.GetRequiredService<TransportRefusals>().Last("?", "receiving") == "certificate-revoked"),
            "NL refuses the certificate it lists as revoked");
        (await CountInboxAsync(network["NL"])).ShouldBe(0);
    }

    private static void UseCertificate(TestNode node, TestCertificates pki, string name)
    {
        node.Set("Kestrel:Certificates:Default:Path", pki.PfxPath(name));
        node.Set("Senningen:Exchange:ClientCertificatePath", pki.PfxPath(name));
    }

    private static async Task<TestNetwork> StartAsync(TestCertificates pki, Func<string, string[]> pins,
        Func<string, Dictionary<string, string?>>? extra = null)
    {
        var network = await TestNetwork.CreateAsync(["BE", "NL"], scheme: "https", settings: country =>
        {
            var values = new Dictionary<string, string?>
            {
                ["Kestrel:Certificates:Default:Path"] = pki.PfxPath(country),
                ["Kestrel:Certificates:Default:Password"] = TestCertificates.Password,
                ["Senningen:Exchange:ClientCertificatePath"] = pki.PfxPath(country),
                ["Senningen:Exchange:ClientCertificatePassword"] = TestCertificates.Password,
                ["Senningen:Exchange:TrustedCaPath"] = pki.CaPemPath,
                ["Senningen:Exchange:CrlPath"] = pki.CrlPath,
            };
            var partnerPins = pins(country == "BE" ? "NL" : "BE");
            for (var i = 0; i < partnerPins.Length; i++)
            {
                values[$"Senningen:Node:Partners:0:CertificateThumbprints:{i}"] = partnerPins[i];
            }

            foreach (var (key, value) in extra?.Invoke(country) ?? [])
            {
                values[key] = value;
            }

            return values;
        });
        await network["NL"].StartAgainAsync();
        await network["BE"].StartAgainAsync();
        return network;
    }
}

using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Tests.Security;

/// <summary>
/// Outside demo mode the data-protection keys (which sign cookies and bearer tokens) are stored encrypted with a
/// certificate kept outside the database, so a database backup alone cannot forge an administrator's token.
/// </summary>
public sealed class KeyRingProtectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OutsideDemo_WithoutCertificate_TheNodeRefusesToStart_NamingTheSetting()
    {
        await using var node = await TestNode.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Senningen:Node:Demo"] = "false",
            [KeyProtectionCertificate.PathKey] = null,
        });

        var problem = await Should.ThrowAsync<ConfigurationProblemException>(node.StartAgainAsync);

        problem.Problems.ShouldHaveSingleItem().ShouldStartWith("Senningen:DataProtection:CertificatePath is missing");
        node.IsRunning.ShouldBeFalse();
    }

    [Fact]
    public async Task OutsideDemo_WithACertificateWithoutPrivateKey_TheNodeRefusesToStart_NamingTheSetting()
    {
        await using var node = await TestNode.CreateAsync(settings: new Dictionary<string, string?> { ["Senningen:Node:Demo"] = "false" });
        var certificate = KeyProtectionCertificate.Create(node.DataDirectory);
        var publicOnly = Path.Combine(node.DataDirectory, "public-only.pfx");
        using (var full = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
            certificate[KeyProtectionCertificate.PathKey]!, certificate[KeyProtectionCertificate.PasswordKey]))
        using (var withoutKey = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(full.RawData))
        {
            await File.WriteAllBytesAsync(publicOnly, withoutKey.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12, "x"), Ct);
        }

        node.Set(KeyProtectionCertificate.PathKey, publicOnly);
        node.Set(KeyProtectionCertificate.PasswordKey, "x");
        var problem = await Should.ThrowAsync<ConfigurationProblemException>(node.StartAgainAsync);

        problem.Problems.ShouldHaveSingleItem().ShouldStartWith($"Senningen:DataProtection:CertificatePath = '{publicOnly}' holds no RSA private key");
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task OutsideDemo_TheKeyRingInTheDatabase_IsEncrypted_WhereTheDemosIsNot(Store store)
    {
        await using var production = await TestNode.StartAsync(store, settings: new Dictionary<string, string?> { ["Senningen:Node:Demo"] = "false" });
        await using var demo = await TestNode.StartAsync(store);

        var stored = await KeyXmlAsync(production);
        var demoStored = await KeyXmlAsync(demo);

        stored.ShouldNotBeEmpty();
        stored.ShouldAllBe(xml => xml.Contains("<encryptedSecret", StringComparison.Ordinal) && !xml.Contains("<masterKey", StringComparison.Ordinal));
        demoStored.ShouldContain(xml => xml.Contains("<masterKey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LeavingDemoMode_RemovesTheKeysStoredInClear_AndProtectsTheNewOne()
    {
        await using var node = await TestNode.StartAsync();
        var demoKeys = await KeyXmlAsync(node);
        await node.StopAsync();
        node.Set("Senningen:Node:Demo", "false");
        await node.StartAgainAsync();

        var keys = await KeyXmlAsync(node);

        demoKeys.ShouldContain(xml => xml.Contains("<masterKey", StringComparison.Ordinal));
        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(xml => xml.Contains("<encryptedSecret", StringComparison.Ordinal) && !xml.Contains("<masterKey", StringComparison.Ordinal));
    }

    private static async Task<List<string>> KeyXmlAsync(TestNode node)
    {
        // A key is made on first use; protecting something uses it.
        node.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("payload");
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        return await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync(Ct);
    }
}

using Microsoft.Extensions.Configuration;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Tests.Configuration;

/// <summary>A bad or missing setting stops the node before it listens, naming the key.</summary>
public sealed class StartupConfigurationTests : IDisposable
{
    private readonly TestCertificates _pki = TestCertificates.Create("NL", "BE");

    // Outside demo mode: with the client certificate and federation CA that mutual TLS with partners needs (each partner adds its pin).
    private Dictionary<string, string?> Valid() => new()
    {
        ["Senningen:Node:Country"] = "NL",
        ["Senningen:Node:PublicUrl"] = "https://senningen.example.nl/",
        ["Senningen:Node:DataDirectory"] = Path.Combine(Path.GetTempPath(), "senningen-config-test"),
        ["Senningen:Exchange:ClientCertificatePath"] = _pki.PfxPath("NL"),
        ["Senningen:Exchange:ClientCertificatePassword"] = TestCertificates.Password,
        ["Senningen:Exchange:TrustedCaPath"] = _pki.CaPemPath,
    };

    public void Dispose() => _pki.Dispose();

    [Theory]
    [InlineData("Senningen:Node:Country", null, "Senningen:Node:Country is missing")]
    [InlineData("Senningen:Node:Country", "DE", "Senningen:Node:Country = 'DE' is not valid")]
    [InlineData("Senningen:Node:PublicUrl", "not a url", "Senningen:Node:PublicUrl = 'not a url'")]
    [InlineData("Senningen:Database:Provider", "oracle", "Senningen:Database:Provider = 'oracle'")]
    [InlineData("Senningen:Auth:TokenLifetime", "forever", "Senningen:Auth:TokenLifetime = 'forever'")]
    [InlineData("Senningen:Auth:RevalidateEvery", "soon", "Senningen:Auth:RevalidateEvery = 'soon'")]
    [InlineData("Senningen:Auth:RevalidateEvery", "02:00:00", "Senningen:Auth:RevalidateEvery = '02:00:00' is too long")]
    [InlineData("Senningen:Auth:RefreshTokenLifetime", "00:05:00", "Senningen:Auth:RefreshTokenLifetime = '00:05:00' is shorter than Senningen:Auth:TokenLifetime")]
    [InlineData("Senningen:Api:MaxRequestBodyBytes", "-1", "Senningen:Api:MaxRequestBodyBytes = '-1'")]
    [InlineData("Senningen:Node:Partners:0:Country", "NL", "Senningen:Node:Partners:0:Country = 'NL' is this node's own country")]
    [InlineData("Senningen:Map:TileUrl", "tiles.example/{z}/{x}/{y}.png", "Senningen:Map:TileUrl = 'tiles.example/{z}/{x}/{y}.png' is not an absolute")]
    [InlineData("Senningen:Map:TileUrl", "ftp://tiles.example/{z}/{x}/{y}.png", "Senningen:Map:TileUrl = 'ftp://tiles.example/{z}/{x}/{y}.png' is not")]
    [InlineData("Senningen:Map:TileUrl", "https://tiles.example/{z}/{x}.png", "Senningen:Map:TileUrl = 'https://tiles.example/{z}/{x}.png' lacks {y}")]
    public void Read_BadSetting_NamesTheKey(string key, string? value, string expected)
    {
        var values = Valid();
        values[key] = value;
        if (key.Contains("Partners", StringComparison.Ordinal))
        {
            using var partnerKey = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
            values["Senningen:Node:Partners:0:BaseUrl"] = "https://be.example/";
            values["Senningen:Node:Partners:0:PublicKey"] = partnerKey.ExportSubjectPublicKeyInfoPem();
            values["Senningen:Node:Partners:0:CertificateThumbprints:0"] = _pki.Thumbprint("BE");
        }

        var problem = Should.Throw<ConfigurationProblemException>(() => Read(values));

        problem.Problems.ShouldContain(p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_PartnerOverPlainHttp_IsRefusedUnlessAllowed()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var values = Valid();
        values["Senningen:Node:Partners:0:Country"] = "BE";
        values["Senningen:Node:Partners:0:BaseUrl"] = "http://senningen.politie.be/";
        values["Senningen:Node:Partners:0:PublicKey"] = key.ExportSubjectPublicKeyInfoPem();
        values["Senningen:Node:Partners:0:CertificateThumbprints:0"] = _pki.Thumbprint("BE");

        var problem = Should.Throw<ConfigurationProblemException>(() => Read(values));
        values["Senningen:Exchange:AllowPlainHttp"] = "true";
        var allowed = Read(values);

        problem.Problems.ShouldHaveSingleItem().ShouldContain("Senningen:Exchange:AllowPlainHttp");
        allowed.Partners.ShouldHaveSingleItem().Country.Value.ShouldBe("BE");
    }

    [Theory]
    [InlineData(null, "Senningen:Node:Partners:0:PublicKey is missing")]
    [InlineData("-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----", "Senningen:Node:Partners:0:PublicKey is not")]
    public void Read_PartnerWithoutUsableKey_NamesTheKey(string? pem, string expected)
    {
        var values = Valid();
        values["Senningen:Node:Partners:0:Country"] = "BE";
        values["Senningen:Node:Partners:0:BaseUrl"] = "https://senningen.politie.be/";
        values["Senningen:Node:Partners:0:PublicKey"] = pem;

        var problem = Should.Throw<ConfigurationProblemException>(() => Read(values));

        problem.Problems.ShouldHaveSingleItem().ShouldStartWith(expected);
    }

    [Fact]
    public void Read_PostgresWithoutConnectionString_NamesTheKey()
    {
        var values = Valid();
        values["Senningen:Database:Provider"] = "postgres";

        var problem = Should.Throw<ConfigurationProblemException>(() => Read(values));

        problem.Problems.ShouldHaveSingleItem().ShouldStartWith("Senningen:Database:ConnectionString is missing");
    }

    [Fact]
    public void Read_ShortBootstrapPasswordOutsideDemo_IsRefused()
    {
        var values = Valid();
        values["Senningen:Bootstrap:AdminUser"] = "root";
        values["Senningen:Bootstrap:AdminPassword"] = "demo";

        var problem = Should.Throw<ConfigurationProblemException>(() => Read(values));

        problem.Problems.ShouldHaveSingleItem().ShouldStartWith("Senningen:Bootstrap:AdminPassword is too short");
    }

    [Fact]
    public void Read_ValidSettings_DefaultsToSqliteInTheDataDirectory()
    {
        var settings = Read(Valid());

        settings.Country.Value.ShouldBe("NL");
        settings.DemoMode.ShouldBeFalse();
        settings.Database.Provider.ShouldBe(DatabaseProvider.Sqlite);
        settings.Database.ConnectionString.ShouldContain("senningen.db");
        settings.Auth.MaxFailedLogins.ShouldBe(5);
    }

    [Fact]
    public async Task Start_BrokenTreatyFile_StopsNamingFileAndLine()
    {
        var directory = Directory.CreateTempSubdirectory("senningen-treaty-").FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "treaty"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        var broken = Path.Combine(directory, "hot-pursuit.yaml");
        var lines = File.ReadAllLines(broken).ToList();
        lines.Insert(3, "  surprise: [unclosed");
        File.WriteAllLines(broken, lines);

        var problem = await Should.ThrowAsync<ConfigurationProblemException>(() =>
            TestNode.StartAsync(settings: new Dictionary<string, string?> { ["Senningen:Treaty:Directory"] = directory }));

        problem.Problems.ShouldContain(p => p.Contains("hot-pursuit.yaml, line ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_OutsideDemoWithoutBootstrap_HasNoUserAtAll()
    {
        await using var node = await TestNode.StartAsync(settings: new Dictionary<string, string?> { ["Senningen:Node:Demo"] = "false" });
        using var client = node.Anonymous();

        var response = await client.PostAsync("api/v1/auth/token",
            new StringContent("{\"username\":\"admin\",\"password\":\"demo\"}", System.Text.Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Start_WithBootstrapAdmin_CreatesExactlyThatAdministrator()
    {
        await using var node = await TestNode.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Senningen:Node:Demo"] = "false",
            ["Senningen:Bootstrap:AdminUser"] = "first-admin",
            ["Senningen:Bootstrap:AdminPassword"] = "Correct-Horse-9",
        });

        using var admin = await node.SignedInAsync("first-admin", "Correct-Horse-9");
        var users = await admin.GetStringAsync("api/v1/admin/users", TestContext.Current.CancellationToken);

        users.ShouldContain("first-admin");
        users.ShouldNotContain("officer");
    }

    [Fact]
    public void Read_OutsideDemoWithoutMutualTls_NamesEachMissingSetting()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var values = Valid();
        values.Remove("Senningen:Exchange:ClientCertificatePath");
        values.Remove("Senningen:Exchange:TrustedCaPath");
        AddPartner(values, key);

        var problem = Should.Throw<ConfigurationProblemException>(() => Read(values));

        problem.Problems.Count.ShouldBe(3);
        problem.Problems.ShouldContain(p => p.StartsWith("Senningen:Exchange:ClientCertificatePath is missing", StringComparison.Ordinal));
        problem.Problems.ShouldContain(p => p.StartsWith("Senningen:Exchange:TrustedCaPath is missing", StringComparison.Ordinal));
        problem.Problems.ShouldContain(p => p.StartsWith("Senningen:Node:Partners (BE):CertificateThumbprints is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_InDemoModeWithoutMutualTls_IsAccepted()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var values = Valid();
        values.Remove("Senningen:Exchange:ClientCertificatePath");
        values.Remove("Senningen:Exchange:TrustedCaPath");
        values["Senningen:Node:Demo"] = "true";
        values["Senningen:Node:PublicUrl"] = "http://127.0.0.1:5100/";
        AddPartner(values, key);

        Read(values).Partners.ShouldHaveSingleItem().CertificateThumbprints.ShouldBeEmpty();
    }

    [Fact]
    public void Read_OutsideDemoWithoutAnyPartner_NeedsNoCertificate()
    {
        var values = Valid();
        values.Remove("Senningen:Exchange:ClientCertificatePath");
        values.Remove("Senningen:Exchange:TrustedCaPath");

        Read(values).Partners.ShouldBeEmpty();
    }

    [Fact]
    public async Task Start_OutsideDemoWithAPartnerButNoMutualTls_IsRefusedNamingTheSettings()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var settings = new Dictionary<string, string?> { ["Senningen:Node:Demo"] = "false", ["Senningen:Node:Country"] = "NL" };
        AddPartner(settings, key);

        var problem = await Should.ThrowAsync<ConfigurationProblemException>(() => TestNode.StartAsync(country: "NL", settings: settings));

        problem.Problems.ShouldContain(p => p.StartsWith("Senningen:Exchange:ClientCertificatePath is missing", StringComparison.Ordinal));
        problem.Problems.ShouldContain(p => p.StartsWith("Senningen:Node:Partners (BE):CertificateThumbprints is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_SeveralPinsAndTheOldSingleKey_AreAllPinnedInOneForm()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var values = Valid();
        AddPartner(values, key);
        var be = _pki.Thumbprint("BE");
        var colons = string.Join(':', be.Chunk(2).Select(c => new string(c))).ToLowerInvariant();
        values["Senningen:Node:Partners:0:CertificateThumbprints:0"] = colons;
        values["Senningen:Node:Partners:0:CertificateThumbprints:1"] = _pki.Thumbprint("NL");
        values["Senningen:Node:Partners:0:CertificateThumbprint"] = new string('A', 64);

        Read(values).Partners.ShouldHaveSingleItem().CertificateThumbprints.ShouldBe([be, _pki.Thumbprint("NL"), new string('A', 64)]);
    }

    [Theory]
    [InlineData("Senningen:Node:Partners:0:CertificateThumbprints:0", "not-a-thumbprint")]
    [InlineData("Senningen:Node:Partners:0:CertificateThumbprints:0", "ABCDEF")]
    [InlineData("Senningen:Exchange:RevokedThumbprints:0", "zz")]
    public void Read_SomethingOtherThanASha256Thumbprint_NamesTheKey(string key, string value)
    {
        using var partnerKey = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var values = Valid();
        AddPartner(values, partnerKey);
        values["Senningen:Node:Partners:0:CertificateThumbprints:1"] = _pki.Thumbprint("BE");
        values[key] = value;

        var problem = Should.Throw<ConfigurationProblemException>(() => Read(values));

        problem.Problems.ShouldHaveSingleItem().ShouldStartWith($"{key[..key.LastIndexOf(':')]} = '{value}' is not a SHA-256 certificate thumbprint");
    }

    [Fact]
    public void Read_CrlSignedByAnotherCa_IsRefused()
    {
        using var other = TestCertificates.Create("X");
        var values = Valid();
        values["Senningen:Exchange:CrlPath"] = other.CrlPath;

        var problem = Should.Throw<ConfigurationProblemException>(() => Read(values));

        problem.Problems.ShouldHaveSingleItem().ShouldStartWith($"Senningen:Exchange:CrlPath = '{other.CrlPath}' is not a revocation list of the federation CA");
        values["Senningen:Exchange:CrlPath"] = _pki.CrlPath;
        Read(values).Exchange.CrlPath.ShouldBe(_pki.CrlPath);
    }

    [Theory]
    [InlineData("-----BEGIN X509 CRL-----\nbm90IGEgY3Js\n-----END X509 CRL-----\n")]
    [InlineData("-----BEGIN CERTIFICATE-----\nbm90IGEgY3Js\n-----END CERTIFICATE-----\n")]
    [InlineData("plain text, not DER")]
    public void Read_CrlFileThatIsNoCrl_NamesTheKey(string content)
    {
        var path = Path.Combine(_pki.Directory, "broken.crl");
        File.WriteAllText(path, content);
        var values = Valid();
        values["Senningen:Exchange:CrlPath"] = path;

        var problem = Should.Throw<ConfigurationProblemException>(() => Read(values));

        problem.Problems.ShouldHaveSingleItem().ShouldStartWith($"Senningen:Exchange:CrlPath = '{path}' is not a revocation list of the federation CA");
    }

    private static void AddPartner(Dictionary<string, string?> values, System.Security.Cryptography.ECDsa key)
    {
        values["Senningen:Node:Partners:0:Country"] = "BE";
        values["Senningen:Node:Partners:0:BaseUrl"] = "https://senningen.politie.be/";
        values["Senningen:Node:Partners:0:PublicKey"] = key.ExportSubjectPublicKeyInfoPem();
    }

    private static NodeSettings Read(Dictionary<string, string?> values) =>
        NodeSettingsReader.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
}

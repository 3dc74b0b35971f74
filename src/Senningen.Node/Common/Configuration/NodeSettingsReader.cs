using System.Globalization;
using Senningen.Core.Countries;

namespace Senningen.Node.Common.Configuration;

/// <summary>Reads <see cref="NodeSettings"/> from configuration and collects every problem, each naming its key.</summary>
internal sealed class NodeSettingsReader(IConfiguration configuration)
{
    private readonly List<string> _problems = [];

    public static NodeSettings Read(IConfiguration configuration) => new NodeSettingsReader(configuration).Read();

    private NodeSettings Read()
    {
        var country = ReadCountry("Senningen:Node:Country", partyOnly: true);
        var publicUrl = ReadUrl("Senningen:Node:PublicUrl", required: true);
        var dataDirectory = configuration["Senningen:Node:DataDirectory"] is { Length: > 0 } dir
            ? dir
            : Path.Combine(".senningen", country.IsValid ? country.Value.ToLowerInvariant() : "node");
        var demo = ReadBool("Senningen:Node:Demo", false);
        var partners = ReadPartners(country);
        var database = ReadDatabase(dataDirectory);
        var auth = ReadAuth();
        var api = new ApiSettings(
            ReadLong("Senningen:Api:MaxRequestBodyBytes", 1_048_576, 1_024, 268_435_456),
            (int)ReadLong("Senningen:Api:RequestsPerMinute", 600, 1, 1_000_000),
            (int)ReadLong("Senningen:Api:TokenRequestsPerMinute", 30, 1, 100_000));
        var otlp = configuration["Senningen:Telemetry:OtlpEndpoint"];
        if (!string.IsNullOrEmpty(otlp))
        {
            ReadUrl("Senningen:Telemetry:OtlpEndpoint", required: true);
        }

        var treaty = configuration["Senningen:Treaty:Directory"] is { Length: > 0 } t ? t : Path.Combine(AppContext.BaseDirectory, "treaty");
        var bootstrap = ReadBootstrap(demo);
        var keyProtection = ReadKeyProtection();
        var exchange = ReadExchange(demo);
        foreach (var partner in partners.Where(p => p.BaseUrl.Scheme == Uri.UriSchemeHttp && !exchange.AllowPlainHttp))
        {
            _problems.Add($"Senningen:Node:Partners ({partner.Country}) uses plain http ({partner.BaseUrl}); partners are reached over HTTPS "
                + "with mutual TLS. Set Senningen:Exchange:AllowPlainHttp=true only on a closed test network.");
        }

        if (_problems.Count > 0)
        {
            throw new ConfigurationProblemException(_problems);
        }

        var name = configuration["Senningen:Node:Name"] is { Length: > 0 } n ? n : $"Senningen {country.Value}";
        return new NodeSettings(country, name, publicUrl!, dataDirectory, demo, partners, database, auth, api,
            string.IsNullOrEmpty(otlp) ? null : otlp, treaty, bootstrap, keyProtection, exchange);
    }

    private CountryCode ReadCountry(string key, bool partyOnly)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            _problems.Add($"{key} is missing: set it to BE, NL or LU (the country this node belongs to).");
            return default;
        }

        var ok = partyOnly ? CountryCode.TryParseParty(text, out var code) : CountryCode.TryParse(text, out code);
        if (!ok)
        {
            _problems.Add($"{key} = '{text}' is not valid: expected {(partyOnly ? "BE, NL or LU" : "BE, NL, LU, FR or DE")}.");
        }

        return code;
    }

    private Uri? ReadUrl(string key, bool required)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                _problems.Add($"{key} is missing: set it to the node's absolute http(s) URL, e.g. https://senningen.politie.nl/.");
            }

            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            _problems.Add($"{key} = '{text}' is not an absolute http or https URL.");
            return null;
        }

        return uri;
    }

    private bool ReadBool(string key, bool fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        _problems.Add($"{key} = '{text}' is not valid: expected true or false.");
        return fallback;
    }

    private long ReadLong(string key, long fallback, long min, long max)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        _problems.Add($"{key} = '{text}' is not valid: expected a whole number from {min} to {max}.");
        return fallback;
    }

    private TimeSpan ReadDuration(string key, TimeSpan fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero)
        {
            return value;
        }

        _problems.Add($"{key} = '{text}' is not valid: expected a positive duration such as 08:00:00.");
        return fallback;
    }

    private List<PartnerSettings> ReadPartners(CountryCode self)
    {
        var partners = new List<PartnerSettings>();
        foreach (var section in configuration.GetSection("Senningen:Node:Partners").GetChildren())
        {
            var prefix = section.Path;
            var country = ReadCountry($"{prefix}:Country", partyOnly: true);
            var url = ReadUrl($"{prefix}:BaseUrl", required: true);
            var publicKey = ReadPartnerKey(prefix);
            if (country.IsValid && country == self)
            {
                _problems.Add($"{prefix}:Country = '{country}' is this node's own country; a partner must be another country.");
            }
            else if (country.IsValid && partners.Exists(p => p.Country == country))
            {
                _problems.Add($"{prefix}:Country = '{country}' is listed twice; each partner country once.");
            }

            if (country.IsValid && url is not null && publicKey is not null)
            {
                partners.Add(new PartnerSettings(country, url, publicKey, configuration[$"{prefix}:CertificateThumbprint"]));
            }
        }

        return partners;
    }

    private DatabaseSettings ReadDatabase(string dataDirectory)
    {
        const string providerKey = "Senningen:Database:Provider";
        const string connectionKey = "Senningen:Database:ConnectionString";
        var providerText = configuration[providerKey];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            _problems.Add($"{providerKey} = '{providerText}' is not valid: expected sqlite or postgres.");
        }

        var connection = configuration[connectionKey];
        if (string.IsNullOrWhiteSpace(connection))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                _problems.Add($"{connectionKey} is missing: PostgreSQL needs a connection string (Host=…;Database=…;Username=…;Password=…).");
            }

            connection = $"Data Source={Path.Combine(dataDirectory, "senningen.db")}";
        }

        return new DatabaseSettings(provider, connection);
    }

    private AuthSettings ReadAuth()
    {
        var lifetime = ReadDuration("Senningen:Auth:TokenLifetime", TimeSpan.FromHours(8));
        var attempts = (int)ReadLong("Senningen:Auth:MaxFailedLogins", 5, 1, 100);
        var lockout = ReadDuration("Senningen:Auth:LockoutDuration", TimeSpan.FromMinutes(15));
        OidcSettings? oidc = null;
        if (ReadBool("Senningen:Auth:Oidc:Enabled", false))
        {
            var authority = ReadUrl("Senningen:Auth:Oidc:Authority", required: true);
            var clientId = configuration["Senningen:Auth:Oidc:ClientId"];
            if (string.IsNullOrWhiteSpace(clientId))
            {
                _problems.Add("Senningen:Auth:Oidc:ClientId is missing: OpenID Connect is enabled and needs the client id registered at the identity provider.");
            }

            oidc = new OidcSettings(authority?.ToString() ?? "", clientId ?? "", configuration["Senningen:Auth:Oidc:ClientSecret"],
                configuration["Senningen:Auth:Oidc:UsernameClaim"] is { Length: > 0 } c ? c : "preferred_username",
                configuration["Senningen:Auth:Oidc:DisplayName"] is { Length: > 0 } d ? d : "National identity provider");
        }

        return new AuthSettings(lifetime, attempts, lockout, oidc);
    }

    private string? ReadPartnerKey(string prefix)
    {
        var pem = configuration[$"{prefix}:PublicKey"];
        var file = configuration[$"{prefix}:PublicKeyFile"];
        if (string.IsNullOrWhiteSpace(pem) && !string.IsNullOrWhiteSpace(file))
        {
            if (!File.Exists(file))
            {
                _problems.Add($"{prefix}:PublicKeyFile = '{file}' does not exist.");
                return null;
            }

            pem = File.ReadAllText(file);
        }

        if (string.IsNullOrWhiteSpace(pem))
        {
            _problems.Add($"{prefix}:PublicKey is missing: give the partner's ECDSA P-256 public key (PEM) or certificate, or {prefix}:PublicKeyFile.");
            return null;
        }

        try
        {
            using var key = Exchange.NodeKeyStore.ReadPublicKey(pem);
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            _problems.Add($"{prefix}:PublicKey is not a usable ECDSA P-256 public key: {ex.Message}");
            return null;
        }
        catch (ArgumentException ex)
        {
            _problems.Add($"{prefix}:PublicKey is not PEM: {ex.Message}");
            return null;
        }

        return pem;
    }

    private ExchangeSettings ReadExchange(bool demo)
    {
        const string prefix = "Senningen:Exchange";
        var signingKey = configuration[$"{prefix}:SigningKeyFile"];
        if (!string.IsNullOrWhiteSpace(signingKey) && !File.Exists(signingKey))
        {
            _problems.Add($"{prefix}:SigningKeyFile = '{signingKey}' does not exist.");
        }

        var clientCertificate = configuration[$"{prefix}:ClientCertificatePath"];
        if (!string.IsNullOrWhiteSpace(clientCertificate) && !File.Exists(clientCertificate))
        {
            _problems.Add($"{prefix}:ClientCertificatePath = '{clientCertificate}' does not exist.");
        }

        var trustedCa = configuration[$"{prefix}:TrustedCaPath"];
        if (!string.IsNullOrWhiteSpace(trustedCa) && !File.Exists(trustedCa))
        {
            _problems.Add($"{prefix}:TrustedCaPath = '{trustedCa}' does not exist: it must be a PEM file with the CA certificate(s) of the partner nodes.");
        }

        var lifetime = ReadDuration($"{prefix}:MessageLifetime", TimeSpan.FromHours(24));
        var maxLifetime = ReadDuration($"{prefix}:MaxLifetime", TimeSpan.FromDays(7));
        if (lifetime > maxLifetime)
        {
            _problems.Add($"{prefix}:MessageLifetime ({lifetime}) is longer than {prefix}:MaxLifetime ({maxLifetime}).");
        }

        return new ExchangeSettings(
            string.IsNullOrWhiteSpace(signingKey) ? null : signingKey,
            configuration[$"{prefix}:SigningKeyPassword"],
            ReadBool($"{prefix}:AllowPlainHttp", demo),
            ReadDuration($"{prefix}:ClockSkew", TimeSpan.FromMinutes(2)),
            lifetime,
            maxLifetime,
            ReadDuration($"{prefix}:DeliveryTimeout", TimeSpan.FromSeconds(10)),
            ReadDuration($"{prefix}:PollInterval", TimeSpan.FromMilliseconds(250)),
            ReadBool($"{prefix}:DispatcherEnabled", true),
            string.IsNullOrWhiteSpace(clientCertificate) ? null : clientCertificate,
            configuration[$"{prefix}:ClientCertificatePassword"],
            string.IsNullOrWhiteSpace(trustedCa) ? null : trustedCa);
    }

    private KeyProtection? ReadKeyProtection()
    {
        const string key = "Senningen:DataProtection:CertificatePath";
        var path = configuration[key];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        if (!File.Exists(path))
        {
            _problems.Add($"{key} = '{path}' does not exist: it must name a PKCS#12 (.pfx) file with a private key.");
            return null;
        }

        return new KeyProtection(path, configuration["Senningen:DataProtection:CertificatePassword"]);
    }

    private BootstrapAdmin? ReadBootstrap(bool demo)
    {
        var user = configuration["Senningen:Bootstrap:AdminUser"];
        var password = configuration["Senningen:Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(user) && string.IsNullOrWhiteSpace(password))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(user) || string.IsNullOrWhiteSpace(password))
        {
            _problems.Add("Senningen:Bootstrap:AdminUser and Senningen:Bootstrap:AdminPassword go together: set both or neither.");
            return null;
        }

        if (!demo && password.Length < 12)
        {
            _problems.Add("Senningen:Bootstrap:AdminPassword is too short: at least 12 characters outside demo mode.");
        }

        return new BootstrapAdmin(user.Trim(), password);
    }
}

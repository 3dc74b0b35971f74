using Senningen.Core.Countries;

namespace Senningen.Node.Common.Configuration;

/// <summary>Reads <see cref="NodeSettings"/> from configuration and collects every problem, each naming its key.</summary>
internal sealed partial class NodeSettingsReader(IConfiguration configuration)
{
    private readonly List<string> _problems = [];
    private SettingReader? _values;

    private SettingReader Values => _values ??= new SettingReader(configuration, "", _problems);

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
        var auth = ReadAuth(demo);
        var api = new ApiSettings(
            ReadLong("Senningen:Api:MaxRequestBodyBytes", 1_048_576, 1_024, 268_435_456),
            (int)ReadLong("Senningen:Api:RequestsPerMinute", 600, 1, 1_000_000),
            (int)ReadLong("Senningen:Api:TokenRequestsPerMinute", 30, 1, 100_000),
            (int)ReadLong("Senningen:Api:SignInsPerUserNamePerMinute", 10, 1, 100_000),
            Values.Duration("Senningen:Api:IdempotencyTimeout", TimeSpan.FromSeconds(30)));
        var otlp = configuration["Senningen:Telemetry:OtlpEndpoint"];
        if (!string.IsNullOrEmpty(otlp))
        {
            ReadUrl("Senningen:Telemetry:OtlpEndpoint", required: true);
        }

        var treaty = configuration["Senningen:Treaty:Directory"] is { Length: > 0 } t ? t : Path.Combine(AppContext.BaseDirectory, "treaty");
        var bootstrap = ReadBootstrap(demo);
        var keyProtection = ReadKeyProtection();
        var exchange = ReadExchange(demo);
        var operations = ReadOperations();
        var map = ReadMap();
        if (demo)
        {
            RefuseDemoBeyondLoopback(publicUrl);
        }
        else
        {
            RequireMutualTls(exchange, partners);
        }

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
            string.IsNullOrEmpty(otlp) ? null : otlp, treaty, bootstrap, keyProtection, exchange, operations, map);
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

    private bool ReadBool(string key, bool fallback) => Values.Flag(key, fallback);

    private long ReadLong(string key, long fallback, long min, long max) => Values.Number(key, fallback, min, max);

    private TimeSpan ReadDuration(string key, TimeSpan fallback) => Values.Duration(key, fallback);
}

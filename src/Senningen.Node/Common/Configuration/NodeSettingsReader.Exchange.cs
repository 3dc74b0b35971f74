using Senningen.Core.Countries;

namespace Senningen.Node.Common.Configuration;

/// <summary>Partners, their keys and the exchange settings.</summary>
internal sealed partial class NodeSettingsReader
{
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
                partners.Add(new PartnerSettings(country, url, publicKey, ReadThumbprints($"{prefix}:CertificateThumbprints", $"{prefix}:CertificateThumbprint")));
            }
        }

        return partners;
    }

    // A list (":0", ":1" …) or one value separated by commas; the old single key stays an alias so renewals need no rename.
    private List<string> ReadThumbprints(string key, string? alias = null)
    {
        var section = configuration.GetSection(key);
        var texts = section.GetChildren().Select(c => c.Value).Append(section.Value).Append(alias is null ? null : configuration[alias])
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .SelectMany(t => t!.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var thumbprints = new List<string>();
        foreach (var text in texts)
        {
            var hex = text.Replace(":", "", StringComparison.Ordinal).ToUpperInvariant();
            if (hex.Length != 64 || !hex.All(Uri.IsHexDigit))
            {
                _problems.Add($"{key} = '{text}' is not a SHA-256 certificate thumbprint (64 hexadecimal digits, colons allowed).");
            }
            else if (!thumbprints.Contains(hex))
            {
                thumbprints.Add(hex);
            }
        }

        return thumbprints;
    }

    // Read once here so a wrong file stops the start naming the setting; the node reads it again while it runs.
    private void CheckCrl(string key, string path, string? trustedCa)
    {
        if (string.IsNullOrWhiteSpace(trustedCa) || !File.Exists(trustedCa))
        {
            _problems.Add($"{key} needs Senningen:Exchange:TrustedCaPath: a revocation list is believed only when the federation CA signed it.");
            return;
        }

        try
        {
            var roots = new System.Security.Cryptography.X509Certificates.X509Certificate2Collection();
            roots.ImportFromPemFile(trustedCa);
            Exchange.RevocationList.Read(path, roots);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or IOException or System.Formats.Asn1.AsnContentException
                                       or FormatException or ArgumentException)
        {
            _problems.Add($"{key} = '{path}' is not a revocation list of the federation CA: {ex.Message}");
        }
    }

    // Outside demo mode partners are reached and heard only over mutual TLS with certificates pinned per partner. A node
    // with no partner configured exchanges nothing (a first start, a training node), so it starts without.
    private void RequireMutualTls(ExchangeSettings exchange, List<PartnerSettings> partners)
    {
        const string prefix = "Senningen:Exchange";
        if (partners.Count == 0 && !configuration.GetSection("Senningen:Node:Partners").GetChildren().Any())
        {
            return;
        }

        if (exchange.ClientCertificatePath is null)
        {
            _problems.Add($"{prefix}:ClientCertificatePath is missing: outside demo mode the node presents a TLS client certificate "
                + "(PKCS#12) from the federation CA to its partners.");
        }

        if (exchange.TrustedCaPath is null)
        {
            _problems.Add($"{prefix}:TrustedCaPath is missing: outside demo mode partners' certificates must chain to the federation CA (PEM).");
        }

        foreach (var partner in partners.Where(p => p.CertificateThumbprints.Count == 0))
        {
            _problems.Add($"Senningen:Node:Partners ({partner.Country}):CertificateThumbprints is missing: outside demo mode each partner's "
                + "TLS certificate is pinned by its SHA-256 thumbprint (several during a renewal).");
        }
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

        var crl = configuration[$"{prefix}:CrlPath"];
        if (!string.IsNullOrWhiteSpace(crl) && !File.Exists(crl))
        {
            _problems.Add($"{prefix}:CrlPath = '{crl}' does not exist: it must be the federation CA's certificate revocation list (PEM or DER).");
        }
        else if (!string.IsNullOrWhiteSpace(crl))
        {
            CheckCrl($"{prefix}:CrlPath", crl, trustedCa);
        }

        var lifetime = ReadDuration($"{prefix}:MessageLifetime", TimeSpan.FromHours(24));
        var maxLifetime = ReadDuration($"{prefix}:MaxLifetime", TimeSpan.FromDays(7));
        if (lifetime > maxLifetime)
        {
            _problems.Add($"{prefix}:MessageLifetime ({lifetime}) is longer than {prefix}:MaxLifetime ({maxLifetime}).");
        }

        var encryption = configuration[$"{prefix}:Encryption"];
        var mode = demo ? PayloadEncryptionMode.On : PayloadEncryptionMode.Required;
        if (!string.IsNullOrWhiteSpace(encryption) && !(Enum.TryParse(encryption, ignoreCase: true, out mode) && Enum.IsDefined(mode)))
        {
            _problems.Add($"{prefix}:Encryption = '{encryption}' is not one of Off, On, Required.");
        }
        else if (!demo && mode == PayloadEncryptionMode.Off)
        {
            // Outside demo a payload in clear would sit readable in the outbox, the inbox and every backup (ADR 0029); On is
            // allowed for a staged upgrade, while a partner does not publish an encryption key yet.
            _problems.Add($"{prefix}:Encryption = Off is allowed only in demo mode: use Required, or On while a partner is being upgraded.");
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
            string.IsNullOrWhiteSpace(trustedCa) ? null : trustedCa,
            string.IsNullOrWhiteSpace(crl) ? null : crl,
            ReadThumbprints($"{prefix}:RevokedThumbprints"),
            ReadDuration($"{prefix}:CrlRecheck", TimeSpan.FromMinutes(5)),
            mode);
    }
}

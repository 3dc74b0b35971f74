using Senningen.Core.Countries;

namespace Senningen.Node.Common.Configuration;

/// <summary>Everything a node needs to know about itself, read and validated once at start.</summary>
public sealed record NodeSettings(
    CountryCode Country,
    string Name,
    Uri PublicUrl,
    string DataDirectory,
    bool DemoMode,
    IReadOnlyList<PartnerSettings> Partners,
    DatabaseSettings Database,
    AuthSettings Auth,
    ApiSettings Api,
    string? OtlpEndpoint,
    string TreatyDirectory,
    BootstrapAdmin? Bootstrap,
    KeyProtection? KeyProtection,
    ExchangeSettings Exchange,
    OperationsSettings Operations,
    MapSettings Map)
{
    /// <summary>A prefix that keeps cookies of nodes sharing a host name (the demo) apart.</summary>
    public string CookiePrefix => $".Senningen.{Country.Value}";
}

/// <summary>
/// A partner node: where it is reached, the public key (PEM) it signs with, and the SHA-256 thumbprints (upper-case hex)
/// of the TLS certificates it may present, as client and as server: several while a certificate is being renewed.
/// </summary>
public sealed record PartnerSettings(CountryCode Country, Uri BaseUrl, string PublicKeyPem, IReadOnlyList<string> CertificateThumbprints);

/// <summary>How this node signs, sends and accepts messages.</summary>
public sealed record ExchangeSettings(
    string? SigningKeyFile,
    string? SigningKeyPassword,
    bool AllowPlainHttp,
    TimeSpan ClockSkew,
    TimeSpan MessageLifetime,
    TimeSpan MaxLifetime,
    TimeSpan DeliveryTimeout,
    TimeSpan PollInterval,
    bool DispatcherEnabled,
    string? ClientCertificatePath,
    string? ClientCertificatePassword,
    string? TrustedCaPath,
    string? CrlPath,
    IReadOnlyList<string> RevokedThumbprints,
    TimeSpan CrlRecheck,
    PayloadEncryptionMode Encryption = PayloadEncryptionMode.On);

/// <summary>Message-level encryption of payloads (ADR 0029), <c>Senningen:Exchange:Encryption</c>.</summary>
public enum PayloadEncryptionMode
{
    /// <summary>Payloads travel and are stored as signed clear JSON (only for diagnosis).</summary>
    Off,

    /// <summary>Encrypted to every partner whose encryption key is known, in clear to one that has published none; both accepted.</summary>
    On,

    /// <summary>Always encrypted: a message to a partner whose encryption key is unknown is not queued, and a payload in clear is refused.</summary>
    Required,
}

/// <summary>
/// Live operations: how long a partner's control room has to acknowledge a crossing before the national desk is
/// called, the size of a position batch, the crossing hysteresis, and how far in the future a fix may be stamped.
/// </summary>
public sealed record OperationsSettings(
    TimeSpan AcknowledgeWithin,
    int MaxFixesPerBatch,
    int CrossingMinFixes,
    long CrossingMinDistanceMetres,
    long CrossingMaxAccuracyMetres,
    TimeSpan CrossingMaxGap,
    TimeSpan FutureTolerance,
    TimeSpan UrgentObservationAuthorisationWithin);

/// <summary>
/// The console map's base layer: a production tile service, or none, and then the shipped offline layer (places,
/// schematic main roads), borders and zones are drawn and no request leaves the control room's network.
/// </summary>
public sealed record MapSettings(TileLayerSettings? Tiles);

/// <summary>
/// A tile service as configured: its kind, the template as written (<see cref="Template"/>), the same in Leaflet's
/// {z}/{x}/{y} form (<see cref="LeafletTemplate"/>; a WMTS REST template's {TileMatrix}/{TileCol}/{TileRow} filled in as
/// those), its credit, its deepest zoom and its subdomains for {s} (none: Leaflet's a, b, c).
/// </summary>
public sealed record TileLayerSettings(TileServiceKind Kind, string Template, string LeafletTemplate, string Attribution, int MaxZoom, string? Subdomains);

/// <summary>XYZ ("slippy map") tiles, or a WMTS service's RESTful template in the Web Mercator tile matrix set.</summary>
public enum TileServiceKind
{
    Xyz,
    Wmts,
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString);

/// <param name="PasswordMinLength">The shortest password a user may be given, in Unicode characters (NIST SP 800-63B: length over composition).</param>
/// <param name="RevalidateEvery">How long a withdrawn credential (disabled user, removed role, forced sign-out) may still
/// be honoured: tokens, cookies and console circuits are checked against the user's security stamp at least this often.</param>
/// <param name="RefreshTokenLifetime">How long a refresh token can renew the short-lived access token.</param>
public sealed record AuthSettings(TimeSpan TokenLifetime, int MaxFailedLogins, TimeSpan LockoutDuration, OidcSettings? Oidc, int PasswordMinLength,
    TimeSpan RevalidateEvery, TimeSpan RefreshTokenLifetime);

public sealed record OidcSettings(string Authority, string ClientId, string? ClientSecret, string UsernameClaim, string DisplayName);

/// <param name="TokenRequestsPerMinute">Password checks (token endpoint and console sign-in) per caller address.</param>
/// <param name="SignInsPerUserNamePerMinute">Password checks per user name, whatever the address: a spread-out guesser is slowed too.</param>
/// <param name="IdempotencyTimeout">How long an <c>Idempotency-Key</c> stays in progress before a retry may take it over from a request that died.</param>
public sealed record ApiSettings(long MaxRequestBodyBytes, int RequestsPerMinute, int TokenRequestsPerMinute, int SignInsPerUserNamePerMinute,
    TimeSpan IdempotencyTimeout);

public sealed record BootstrapAdmin(string Username, string Password);

/// <summary>A PKCS#12 certificate that encrypts the data-protection keys at rest in the database.</summary>
public sealed record KeyProtection(string CertificatePath, string? CertificatePassword);

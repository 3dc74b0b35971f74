namespace Senningen.Node.Common.Configuration;

/// <summary>Sign-in, the first administrator and the protection of the key ring.</summary>
internal sealed partial class NodeSettingsReader
{
    private AuthSettings ReadAuth(bool demo)
    {
        var lifetime = ReadDuration("Senningen:Auth:TokenLifetime", TimeSpan.FromMinutes(15));
        var revalidate = ReadDuration("Senningen:Auth:RevalidateEvery", TimeSpan.FromSeconds(30));
        var refresh = ReadDuration("Senningen:Auth:RefreshTokenLifetime", TimeSpan.FromHours(12));
        CheckRevocationTimes(lifetime, revalidate, refresh);
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

        // The demo publishes the password "demo"; everywhere else NIST's floor of 8 holds, 12 by default.
        var minLength = (int)ReadLong("Senningen:Auth:PasswordMinLength", demo ? 4 : 12, demo ? 1 : 8, 64);
        return new AuthSettings(lifetime, attempts, lockout, oidc, minLength, revalidate, refresh);
    }

    // The window bounds how long a withdrawn user keeps access; past an hour it no longer means "taken away".
    private void CheckRevocationTimes(TimeSpan lifetime, TimeSpan revalidate, TimeSpan refresh)
    {
        if (revalidate > TimeSpan.FromHours(1))
        {
            _problems.Add($"Senningen:Auth:RevalidateEvery = '{revalidate}' is too long: at most 01:00:00, a withdrawn user keeps access that long.");
        }

        if (refresh < lifetime)
        {
            _problems.Add($"Senningen:Auth:RefreshTokenLifetime = '{refresh}' is shorter than Senningen:Auth:TokenLifetime ('{lifetime}'): a refresh token must outlive the access token it renews.");
        }
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

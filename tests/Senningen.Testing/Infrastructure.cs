using Xunit;

namespace Senningen.Testing;

/// <summary>
/// What a test needs from the machine. Locally a missing PostgreSQL or Chromium skips the test; under
/// SENNINGEN_REQUIRE_INFRA=1 (CI) it fails, so a broken install can never pass as green.
/// </summary>
public static class Infrastructure
{
    public const string PostgresVariable = "SENNINGEN_TEST_POSTGRES";
    public const string RequireVariable = "SENNINGEN_REQUIRE_INFRA";
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string NginxPath = "/usr/sbin/nginx";

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : null;

    /// <summary>Skips (or, when required, fails) the calling test because <paramref name="what"/> is absent.</summary>
    public static void Missing(string what)
    {
        if (Required)
        {
            Assert.Fail($"{what} is required ({RequireVariable}=1) but not available.");
        }

        Assert.Skip($"{what} is not available on this machine.");
    }

    public static string RequirePostgres()
    {
        if (PostgresConnectionString is null)
        {
            Missing($"PostgreSQL ({PostgresVariable})");
        }

        return PostgresConnectionString!;
    }

    public static string RequireChromium()
    {
        if (!File.Exists(ChromiumPath))
        {
            Missing($"Chromium ({ChromiumPath})");
        }

        return ChromiumPath;
    }

    public static string RequireNginx()
    {
        if (!File.Exists(NginxPath))
        {
            Missing($"nginx ({NginxPath})");
        }

        return NginxPath;
    }
}

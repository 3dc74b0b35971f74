using System.Diagnostics.CodeAnalysis;

namespace Senningen.Cli;

/// <summary>The base URL of a node, normalised so that one node has one key in the credential store.</summary>
internal sealed record NodeAddress
{
    public const string Default = "http://127.0.0.1:5101";

    private NodeAddress(string value, Uri uri)
    {
        Value = value;
        IsPlainHttpBeyondThisComputer = uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri);
    }

    /// <summary>Scheme, host, port (when not the default) and path base, without a trailing slash.</summary>
    public string Value { get; }

    /// <summary>
    /// Plain http to anything but this computer: the password and the bearer token would cross the network readable,
    /// so the CLI refuses it rather than warn (the node behind nginx is reached over https).
    /// </summary>
    public bool IsPlainHttpBeyondThisComputer { get; }

    /// <summary>With a trailing slash, so relative request paths keep any path base.</summary>
    public Uri BaseUri => new(Value + "/");

    public static bool TryParse(string? text, [NotNullWhen(true)] out NodeAddress? address)
    {
        address = null;
        if (!Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return false;
        }

        address = new NodeAddress($"{uri.Scheme}://{uri.Authority}{uri.AbsolutePath.TrimEnd('/')}", uri);
        return true;
    }

    public override string ToString() => Value;

    // Uri.IsLoopback also answers for any name that merely resolves locally on some machines; only the literal forms count.
    private static bool IsLoopback(Uri uri) =>
        uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            ? System.Net.IPAddress.TryParse(uri.IdnHost, out var ip) && System.Net.IPAddress.IsLoopback(ip)
            : uri.IdnHost.Equals("localhost", StringComparison.OrdinalIgnoreCase);
}

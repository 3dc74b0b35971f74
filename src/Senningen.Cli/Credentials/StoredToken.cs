namespace Senningen.Cli.Credentials;

/// <summary>A bearer token obtained from one node by <c>senn login</c>.</summary>
internal sealed record StoredToken(string Username, string AccessToken, DateTimeOffset ExpiresAt);

namespace Senningen.Cli.Credentials;

/// <summary>
/// A bearer token obtained from one node by <c>senn login</c>, with the refresh token that renews it silently (files written
/// before refresh tokens existed have none: the user logs in again when the access token expires).
/// </summary>
internal sealed record StoredToken(string Username, string AccessToken, DateTimeOffset ExpiresAt,
    string? RefreshToken = null, DateTimeOffset? RefreshExpiresAt = null)
{
    public bool CanRefreshAt(DateTimeOffset now) => RefreshToken is not null && RefreshExpiresAt > now;
}

namespace Senningen.Contracts.Auth;

/// <summary>Body of <c>POST /api/v1/auth/token</c>.</summary>
public sealed record TokenRequest(string? Username, string? Password);

/// <summary>A bearer token for the API and the CLI; send it as <c>Authorization: Bearer …</c>.</summary>
public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt, string TokenType = "Bearer")
{
    /// <summary>Exchanged at <c>POST /api/v1/auth/refresh</c> for a new pair while the user keeps their access.</summary>
    public string? RefreshToken { get; init; }

    public DateTimeOffset? RefreshExpiresAt { get; init; }
}

/// <summary>Body of <c>POST /api/v1/auth/refresh</c>.</summary>
public sealed record RefreshRequest(string? RefreshToken);

/// <summary>The signed-in user as the node sees them (<c>GET /api/v1/me</c>).</summary>
public sealed record CurrentUser(
    string Username,
    string DisplayName,
    string Country,
    string Unit,
    IReadOnlyList<string> Roles,
    string Language);

/// <summary>Body of <c>PUT /api/v1/me/language</c>: one of nl, fr, de, en.</summary>
public sealed record LanguageChange(string? Language);

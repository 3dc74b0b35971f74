namespace Senningen.Contracts.Users;

/// <summary>
/// Body of <c>PUT</c> and <c>DELETE /api/v1/admin/users/{username}/external-login</c> (role Admin): the identity at the
/// node's OpenID Connect provider, by issuer and subject (never by a user name the provider sends).
/// </summary>
public sealed record ExternalLoginRequest(string? Issuer, string? Subject)
{
    /// <summary>Whether the user may still sign in with their local password (break-glass); false when left out.</summary>
    public bool AllowLocalPassword { get; init; }
}

/// <summary>A user's link to an identity at the node's OpenID Connect provider.</summary>
public sealed record ExternalLoginLink(string Username, string Issuer, string Subject, bool AllowLocalPassword);

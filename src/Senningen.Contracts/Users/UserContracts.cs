namespace Senningen.Contracts.Users;

/// <summary>Body of <c>POST /api/v1/admin/users</c> (role Admin).</summary>
public sealed record CreateUserRequest(
    string? Username,
    string? Password,
    string? DisplayName,
    string? Unit,
    IReadOnlyList<string>? Roles,
    string? Language)
{
    /// <summary>National authorisations (<see cref="Users.Authorisations"/>); none when left out.</summary>
    public IReadOnlyList<string>? Authorisations { get; init; }

    /// <summary>
    /// The control-room zones (ids of <c>GET /api/v1/geo/zones</c>) the user's unit works in or answers for; need to know
    /// gives a control room what happens there. None when left out.
    /// </summary>
    public IReadOnlyList<string>? Zones { get; init; }
}

/// <summary>A user of this node, as an administrator sees it.</summary>
public sealed record UserSummary(
    string Username,
    string DisplayName,
    string Country,
    string Unit,
    IReadOnlyList<string> Roles,
    string Language,
    DateTimeOffset? LockedOutUntil,
    int FailedLogins)
{
    public IReadOnlyList<string> Authorisations { get; init; } = [];

    public IReadOnlyList<string> Zones { get; init; } = [];

    /// <summary>Disabled by an administrator: no sign-in, token or open console page until enabled again.</summary>
    public bool Disabled { get; init; }
}

/// <summary>The roles a Senningen user can hold; the names are stable API values.</summary>
public static class Roles
{
    public const string Officer = "Officer";
    public const string ControlRoom = "ControlRoom";
    public const string LiaisonOfficer = "LiaisonOfficer";
    public const string DataProtectionOfficer = "DataProtectionOfficer";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Officer, ControlRoom, LiaisonOfficer, DataProtectionOfficer, Admin];
}

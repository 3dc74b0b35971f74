namespace Senningen.Contracts.Users;

/// <summary>
/// What a user's own country has cleared them for, beyond their role: the treaty lets an officer consult the partner's
/// registers in a joint post or on a mixed patrol only if national rules have authorised that officer for it (issue 6).
/// Kept per user because two officers of one unit can differ; the names are stable API values.
/// </summary>
public static class Authorisations
{
    public const string HitNoHit = "consultation:hit-no-hit";
    public const string JointPost = "consultation:joint-post";
    public const string MixedPatrol = "consultation:mixed-patrol";
    public const string JointControl = "consultation:joint-control";
    public const string FormalRequest = "consultation:formal-request";
    public const string PrumVehicle = "consultation:prum-vehicle";

    public static IReadOnlyList<string> All { get; } = [HitNoHit, JointPost, MixedPatrol, JointControl, FormalRequest, PrumVehicle];

    /// <summary>The authorisation a search in a consultation context (its wire name, e.g. "joint-post") needs.</summary>
    public static string ForConsultation(string context) => "consultation:" + context;
}

/// <summary>Body of <c>PUT /api/v1/admin/users/{username}/authorisations</c>: the complete new set, replacing the old one.</summary>
public sealed record UserAuthorisationsRequest(IReadOnlyList<string>? Authorisations);

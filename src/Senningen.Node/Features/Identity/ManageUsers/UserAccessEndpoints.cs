using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Users;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Identity.ManageUsers;

/// <summary>Taking a user's access away (and giving it back); each call ends the user's current sessions within the window.</summary>
internal static class UserAccessEndpoints
{
    public static void MapUserAccessEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/{username}/disable", DisableAsync).WithSummary("Disable the user: sign-in, tokens and open console pages refused. Audited.");
        group.MapPost("/{username}/enable", EnableAsync).WithSummary("Enable a disabled user again. Audited.");
        group.MapPut("/{username}/roles/{role}", AddRoleAsync).WithSummary("Give the user a role; current sessions end. Audited.");
        group.MapDelete("/{username}/roles/{role}", RemoveRoleAsync).WithSummary("Withdraw a role; current sessions end. Audited.");
        group.MapPost("/{username}/sign-out", SignOutAsync).WithSummary("End every session of the user (tokens, refresh tokens, cookies, console pages). Audited.");
    }

    public static async Task<Results<Ok<UserSummary>, ProblemHttpResult>> DisableAsync(
        string username, UserDirectory directory, Texts texts, CancellationToken cancellationToken) =>
        Answer(texts, await directory.DisableAsync(username, cancellationToken));

    public static async Task<Results<Ok<UserSummary>, ProblemHttpResult>> EnableAsync(
        string username, UserDirectory directory, Texts texts, CancellationToken cancellationToken) =>
        Answer(texts, await directory.EnableAsync(username, cancellationToken));

    public static async Task<Results<Ok<UserSummary>, ProblemHttpResult>> AddRoleAsync(
        string username, string role, UserDirectory directory, Texts texts, CancellationToken cancellationToken) =>
        Answer(texts, await directory.ChangeRoleAsync(username, role, grant: true, cancellationToken));

    public static async Task<Results<Ok<UserSummary>, ProblemHttpResult>> RemoveRoleAsync(
        string username, string role, UserDirectory directory, Texts texts, CancellationToken cancellationToken) =>
        Answer(texts, await directory.ChangeRoleAsync(username, role, grant: false, cancellationToken));

    public static async Task<Results<NoContent, ProblemHttpResult>> SignOutAsync(
        string username, UserDirectory directory, Texts texts, CancellationToken cancellationToken) =>
        await directory.SignOutEverywhereAsync(username, cancellationToken) is { User: not null }
            ? TypedResults.NoContent()
            : UserAdminEndpoints.Problem(texts, new UserDirectory.CreateResult(null, [], NotFound: true));

    private static Results<Ok<UserSummary>, ProblemHttpResult> Answer(Texts texts, UserDirectory.CreateResult result) =>
        result.User is { } user ? TypedResults.Ok(user) : UserAdminEndpoints.Problem(texts, result);
}

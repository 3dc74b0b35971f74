using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Users;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Security;
using Senningen.Node.Common.Paging;
using Senningen.Node.Common.Idempotency;

namespace Senningen.Node.Features.Identity.ManageUsers;

internal static class UserAdminEndpoints
{
    public static void MapUserAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin/users").RequireAuthorization(Policies.Admin).WithTags("Users");
        group.MapGet("", ListAsync).Paged<UserSummary>("users", newestFirst: false, u => PageKey.Named(u.Username), ListDefault, 1000).WithSummary("All users of this node.");
        group.MapPost("", CreateAsync).Idempotent().WithSummary("Create a user of this node's country.");
        group.MapPost("/{username}/unlock", UnlockAsync).WithSummary("Lift a lock-out after failed logins.");
        group.MapPut("/{username}/authorisations", SetAuthorisationsAsync)
            .WithSummary("Replace the user's national authorisations (consultation contexts their country has cleared them for). Audited.");
        group.MapExternalLoginEndpoints();
        group.MapUserAccessEndpoints();
    }

    public static async Task<Ok<List<UserSummary>>> ListAsync(UserDirectory directory, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(await directory.ReadAsync(cancellationToken, PageRequest.Of(http, ListDefault)));

    /// <summary>What a call without <c>limit</c> gets: a node's users, whole (hundreds).</summary>
    public const int ListDefault = 500;

    public static async Task<Results<Created<UserSummary>, ProblemHttpResult>> CreateAsync(
        CreateUserRequest request, UserDirectory directory, Texts texts, CancellationToken cancellationToken)
    {
        var result = await directory.CreateAsync(request, cancellationToken);
        return result.User is { } user
            ? TypedResults.Created($"/api/v1/admin/users/{Uri.EscapeDataString(user.Username)}", user)
            : Problem(texts, result);
    }

    public static async Task<Results<Ok<UserSummary>, ProblemHttpResult>> SetAuthorisationsAsync(
        string username, UserAuthorisationsRequest? request, UserDirectory directory, Texts texts, CancellationToken cancellationToken)
    {
        var result = await directory.SetAuthorisationsAsync(username, request?.Authorisations, cancellationToken);
        return result.User is { } user ? TypedResults.Ok(user) : Problem(texts, result);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> UnlockAsync(
        string username, UserDirectory directory, Texts texts, CancellationToken cancellationToken) =>
        await directory.UnlockAsync(username, cancellationToken) ? TypedResults.NoContent() : Problems.NotFound(texts, "user");

    internal static ProblemHttpResult Problem(Texts texts, UserDirectory.CreateResult result) =>
        result.NotFound ? Problems.NotFound(texts, "user") : Problems.Validation(texts, result.Errors);
}

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Users;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Security;
using Senningen.Node.Features.Identity.Data;

namespace Senningen.Node.Features.Identity.ManageUsers;

internal static class UserAdminEndpoints
{
    public static void MapUserAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin/users").RequireAuthorization(Policies.Admin).WithTags("Users");
        group.MapGet("", ListAsync).WithSummary("All users of this node.");
        group.MapPost("", CreateAsync).WithSummary("Create a user of this node's country.");
        group.MapPost("/{username}/unlock", UnlockAsync).WithSummary("Lift a lock-out after failed logins.");
        group.MapPut("/{username}/authorisations", SetAuthorisationsAsync)
            .WithSummary("Replace the user's national authorisations (consultation contexts their country has cleared them for). Audited.");
    }

    public static async Task<Ok<List<UserSummary>>> ListAsync(UserDirectory directory, AuditLog audit, CancellationToken cancellationToken)
    {
        var users = await directory.ListAsync(cancellationToken);
        await audit.WriteAsync(new AuditRecord(AuditActions.UserRead, AuditOutcomes.Success, Detail: $"{users.Count} users listed"),
            cancellationToken: cancellationToken);
        return TypedResults.Ok(users);
    }

    public static async Task<Results<Created<UserSummary>, ProblemHttpResult>> CreateAsync(
        CreateUserRequest request, UserDirectory directory, CancellationToken cancellationToken)
    {
        var result = await directory.CreateAsync(request, cancellationToken);
        return result.Problem is { } problem
            ? problem
            : TypedResults.Created($"/api/v1/admin/users/{Uri.EscapeDataString(result.User!.Username)}", result.User);
    }

    public static async Task<Results<Ok<UserSummary>, ProblemHttpResult>> SetAuthorisationsAsync(
        string username, UserAuthorisationsRequest? request, UserDirectory directory, HttpContext http, NodeSettings node, CancellationToken cancellationToken)
    {
        var result = await directory.SetAuthorisationsAsync(username, request?.Authorisations, Actor.From(http.User, node), cancellationToken);
        return result.Problem is { } problem ? problem : TypedResults.Ok(result.User!);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> UnlockAsync(
        string username, UserManager<SenningenUser> users, AuditLog audit, Texts texts, CancellationToken cancellationToken)
    {
        var user = await users.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == users.NormalizeName(username), cancellationToken);
        if (user is null)
        {
            return Problems.NotFound(texts, "user");
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.WriteAsync(new AuditRecord(AuditActions.UserUnlock, AuditOutcomes.Success, [$"user:{user.UserName}"]),
            cancellationToken: cancellationToken);
        return TypedResults.NoContent();
    }
}

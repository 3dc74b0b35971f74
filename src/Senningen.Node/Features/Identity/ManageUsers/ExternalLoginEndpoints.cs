using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Senningen.Contracts.Users;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Identity.ManageUsers;

/// <summary>An administrator links a user to an identity at the node's OpenID Connect provider, once, by issuer and subject.</summary>
internal static class ExternalLoginEndpoints
{
    public static void MapExternalLoginEndpoints(this RouteGroupBuilder users)
    {
        users.MapGet("/{username}/external-login", ReadAsync).WithSummary("The user's links to identities at the OpenID Connect provider.");
        users.MapPut("/{username}/external-login", LinkAsync)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Link the user to an identity at the configured OpenID Connect provider (issuer and subject); optionally keep the local password. Audited.");
        users.MapDelete("/{username}/external-login", UnlinkAsync).WithSummary("Remove the user's link to an identity at the provider. Audited.");
    }

    public static async Task<Results<Ok<List<ExternalLoginLink>>, ProblemHttpResult>> ReadAsync(string username, ExternalLogins logins, Texts texts) =>
        await logins.ReadAsync(username) is { } links ? TypedResults.Ok(links) : Problems.NotFound(texts, "user");

    public static async Task<Results<Ok<ExternalLoginLink>, ProblemHttpResult>> LinkAsync(
        string username, [FromBody] ExternalLoginRequest? request, ExternalLogins logins, Texts texts, CancellationToken cancellationToken) =>
        Answer(await logins.LinkAsync(username, request, cancellationToken), texts);

    public static async Task<Results<Ok<ExternalLoginLink>, ProblemHttpResult>> UnlinkAsync(
        string username, [FromBody] ExternalLoginRequest? request, ExternalLogins logins, Texts texts, CancellationToken cancellationToken) =>
        Answer(await logins.UnlinkAsync(username, request, cancellationToken), texts);

    private static Results<Ok<ExternalLoginLink>, ProblemHttpResult> Answer(ExternalLogins.Result result, Texts texts) =>
        result switch
        {
            { Link: { } link } => TypedResults.Ok(link),
            { NotFound: { } what } => Problems.NotFound(texts, what),
            { Conflict: true } => Problems.Conflict(texts, texts["problem.external-login-taken"]),
            _ => Problems.Validation(texts, result.Errors),
        };
}

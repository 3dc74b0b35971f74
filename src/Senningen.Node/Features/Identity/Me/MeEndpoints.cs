using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Senningen.Contracts.Auth;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Features.Identity.Data;

namespace Senningen.Node.Features.Identity.Me;

internal static class MeEndpoints
{
    public static void MapMeEndpoints(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/v1/me").WithTags("Identity");
        me.MapGet("", Get).WithSummary("The signed-in user.");
        me.MapPut("/language", ChangeLanguageAsync).WithSummary("Remember the user's language (nl, fr, de or en).");
    }

    public static Ok<CurrentUser> Get(ClaimsPrincipal user) => TypedResults.Ok(Describe(user));

    public static async Task<Results<NoContent, ProblemHttpResult>> ChangeLanguageAsync(
        LanguageChange change, ClaimsPrincipal principal, UserManager<SenningenUser> users, Texts texts)
    {
        var validator = new RequestValidator(texts);
        if (validator.Required("language", change.Language))
        {
            validator.OneOf("language", change.Language!.ToLowerInvariant(), Texts.Languages);
        }

        if (validator.HasErrors)
        {
            return validator.Problem();
        }

        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return Problems.NotFound(texts, "user");
        }

        user.Language = change.Language!.ToLowerInvariant();
        await users.UpdateAsync(user);
        return TypedResults.NoContent();
    }

    public static CurrentUser Describe(ClaimsPrincipal user) => new(
        user.Identity?.Name ?? "",
        user.FindFirstValue(Actor.DisplayNameClaim) ?? "",
        user.FindFirstValue(Actor.CountryClaim) ?? "",
        user.FindFirstValue(Actor.UnitClaim) ?? "",
        [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)],
        user.FindFirstValue(Actor.LanguageClaim) ?? Texts.Fallback);
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Localization;
using Senningen.Node.Features.Identity.Data;

namespace Senningen.Node.Features.Identity.Account;

/// <summary>
/// The console's sign-in, sign-out and language forms. They are plain HTTP form posts (with antiforgery)
/// because a cookie can only be set on an HTTP response, not from an interactive Blazor circuit.
/// </summary>
internal static class AccountFormEndpoints
{
    public static void MapAccountFormEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();
        account.MapPost("/login", LoginAsync).AllowAnonymous();
        account.MapPost("/logout", LogoutAsync);
        account.MapPost("/language", ChangeLanguageAsync).AllowAnonymous();
        account.MapGet("/external-login", (NodeSettings settings) => settings.Auth.Oidc is null
            ? Results.NotFound()
            : Results.Challenge(new AuthenticationProperties { RedirectUri = "/account/external-callback" }, [IdentityModule.OidcScheme]))
            .AllowAnonymous();
        account.MapGet("/external-callback", ExternalLogin.CallbackAsync).AllowAnonymous();
    }

    public static async Task<IResult> LoginAsync([FromForm] string? username, [FromForm] string? password, [FromForm] string? returnUrl,
        PasswordCheck check, SignInLimits limits, SignInManager<SenningenUser> signIn, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(username) || string.IsNullOrEmpty(password))
        {
            return Results.LocalRedirect("/login?error=missing" + ReturnPart(returnUrl));
        }

        if (limits.TryEnter(http.Connection.RemoteIpAddress, username) is not null)
        {
            return Results.LocalRedirect("/login?error=rate-limited" + ReturnPart(returnUrl));
        }

        var outcome = await check.RunAsync(username, password, AuditActions.Login, ct);
        if (outcome.User is null)
        {
            return Results.LocalRedirect($"/login?error={(outcome.LockedOut ? "locked" : "invalid")}" + ReturnPart(returnUrl));
        }

        await signIn.SignInAsync(outcome.User, isPersistent: false);
        return Results.LocalRedirect(SafeReturn(returnUrl));
    }

    public static async Task<IResult> LogoutAsync(SignInManager<SenningenUser> signIn, AuditLog audit, CancellationToken ct)
    {
        await audit.WriteAsync(new AuditRecord(AuditActions.Logout, AuditOutcomes.Success), cancellationToken: ct);
        await signIn.SignOutAsync();
        return Results.LocalRedirect("/login");
    }

    public static async Task<IResult> ChangeLanguageAsync([FromForm] string? language, [FromForm] string? returnUrl, HttpContext http,
        UserManager<SenningenUser> users, SignInManager<SenningenUser> signIn, NodeSettings settings)
    {
        var chosen = Texts.Normalise(language);
        http.Response.Cookies.Append(settings.CookiePrefix + ".Language", chosen,
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
        if (http.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(http.User) is { } user)
        {
            user.Language = chosen;
            await users.UpdateAsync(user);
            await signIn.RefreshSignInAsync(user);
        }

        return Results.LocalRedirect(SafeReturn(returnUrl));
    }

    public static string SafeReturn(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : "/";

    private static string ReturnPart(string? returnUrl) => "&returnUrl=" + Uri.EscapeDataString(SafeReturn(returnUrl));
}

using Microsoft.AspNetCore.Identity;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Observability;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Security;
using Senningen.Node.Features.Identity.Account;
using Senningen.Node.Features.Identity.Data;
using Senningen.Node.Features.Identity.IssueToken;
using Senningen.Node.Features.Identity.ManageUsers;
using Senningen.Node.Features.Identity.Me;
using Senningen.Node.Features.Identity.Passwords;
using Senningen.Node.Features.Identity.RefreshToken;
using Senningen.Node.Features.Identity.Revocation;

namespace Senningen.Node.Features.Identity;

internal static class IdentityModule
{
    public const string SmartScheme = "senningen";
    public const string OidcScheme = "oidc";

    public static WebApplicationBuilder AddIdentity(this WebApplicationBuilder builder)
    {
        var (services, settings) = (builder.Services, builder.NodeSettings);
        services.AddIdentityCore<SenningenUser>(o =>
            {
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = settings.Auth.MaxFailedLogins;
                o.Lockout.DefaultLockoutTimeSpan = settings.Auth.LockoutDuration;
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
                ConfigurePasswords(o.Password);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<SenningenDbContext>()
            .AddSignInManager()
            .AddPasswordValidator<PasswordPolicy>()
            .AddClaimsPrincipalFactory<SenningenClaimsFactory>()
            .AddDefaultTokenProviders();

        var authentication = services
            .AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? RevalidatedBearerHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = settings.Auth.TokenLifetime;
                o.RefreshTokenExpiration = settings.Auth.RefreshTokenLifetime;
            });
        authentication.AddIdentityCookies();
        authentication.AddRevocation(settings);
        if (settings.Auth.Oidc is { } oidc)
        {
            authentication.AddOidc(oidc);
        }

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = settings.CookiePrefix + ".Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/login";
            o.AccessDeniedPath = "/denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
        });
        services.ConfigureExternalCookie(o => o.Cookie.Name = settings.CookiePrefix + ".External");
        services.AddAuthorization(Policies.Register);
        services.AddScoped<TokenIssuer>().AddScoped<PasswordCheck>();
        services.AddSchemaLimits(IssueToken.IssueTokenEndpoint.Limits);
        services.AddScoped<UserDirectory>().AddScoped<ExternalLogins>();
        services.AddSingleton<SignInLimits>().AddSingleton<UnknownUserHash>();
        services.AddRefreshRateLimit(settings);
        services.AddSingleton(_ => new CommonPasswords(CommonPasswords.DefaultPath));
        return builder;
    }

    // Identity's own validator asks for nothing: length and the rest are PasswordPolicy's, which names each rule it applies.
    private static void ConfigurePasswords(PasswordOptions password)
    {
        password.RequiredLength = 1;
        password.RequiredUniqueChars = 1;
        password.RequireDigit = password.RequireLowercase = password.RequireUppercase = password.RequireNonAlphanumeric = false;
    }

    public static WebApplication MapIdentity(this WebApplication app)
    {
        app.MapTokenEndpoint();
        app.MapRefreshTokenEndpoint();
        app.MapMeEndpoints();
        app.MapUserAdminEndpoints();
        app.MapAccountFormEndpoints();
        return app;
    }
}

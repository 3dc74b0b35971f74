using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Common.Localization;

/// <summary>The request's language: the signed-in user's choice, else the language cookie, else Accept-Language.</summary>
internal static class LocalizationSetup
{
    public static IApplicationBuilder UseSenningenLanguages(this IApplicationBuilder app, NodeSettings settings)
    {
        var cultures = Texts.Languages.Select(CultureInfo.GetCultureInfo).ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Texts.Fallback),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
        };
        options.RequestCultureProviders.Clear();
        options.RequestCultureProviders.Add(new CustomRequestCultureProvider(ctx =>
        {
            var chosen = ctx.User.Identity?.IsAuthenticated == true ? ctx.User.FindFirst(Actor.LanguageClaim)?.Value : null;
            chosen ??= ctx.Request.Cookies[settings.CookiePrefix + ".Language"];
            return Task.FromResult(chosen is null ? null : new ProviderCultureResult(Texts.Normalise(chosen)));
        }));
        options.RequestCultureProviders.Add(new AcceptLanguageHeaderRequestCultureProvider());
        return app.UseRequestLocalization(options);
    }
}

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
        var languages = Texts.Languages.Select(CultureInfo.GetCultureInfo).ToList();
        var formats = Texts.Languages.Select(l => Formatting(l, settings)).Concat(languages).Distinct().ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Formatting(Texts.Fallback, settings), CultureInfo.GetCultureInfo(Texts.Fallback)),
            SupportedCultures = formats,
            SupportedUICultures = languages,
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
        };
        options.RequestCultureProviders.Clear();
        options.RequestCultureProviders.Add(new CustomRequestCultureProvider(ctx =>
        {
            var chosen = ctx.User.Identity?.IsAuthenticated == true ? ctx.User.FindFirst(Actor.LanguageClaim)?.Value : null;
            chosen ??= ctx.Request.Cookies[settings.CookiePrefix + ".Language"];
            if (chosen is null)
            {
                return Task.FromResult<ProviderCultureResult?>(null);
            }

            var language = Texts.Normalise(chosen);
            return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(Formatting(language, settings).Name, language));
        }));
        options.RequestCultureProviders.Add(new AcceptLanguageHeaderRequestCultureProvider());
        return app.UseRequestLocalization(options);
    }

    // Texts come in four languages; dates and numbers follow the node's region (a Belgian officer reading English
    // still expects day/month order and a 24-hour clock).
    public static CultureInfo Formatting(string language, NodeSettings settings) => CultureInfo.GetCultureInfo((language, settings.Country.Value) switch
    {
        ("en", _) => "en-GB",
        ("nl", "BE") => "nl-BE",
        ("nl", _) => "nl-NL",
        ("fr", "LU") => "fr-LU",
        ("fr", _) => "fr-BE",
        ("de", "LU") => "de-LU",
        ("de", "BE") => "de-BE",
        ("de", _) => "de-DE",
        _ => language,
    });
}

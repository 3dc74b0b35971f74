using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.App.Bundle;

/// <summary>
/// <c>GET /api/v1/app/texts?lang=</c>: the app's own texts, open to anyone: the sign-in screen needs them before there
/// is a session or a bundle, and they say nothing the app's source does not.
/// </summary>
internal static class GetShellTexts
{
    public static IResult Handle(string? lang, Texts texts)
    {
        var validator = new RequestValidator(texts);
        if (lang is not null)
        {
            validator.OneOf("lang", lang.ToLowerInvariant(), Texts.Languages);
        }

        if (validator.HasErrors)
        {
            return validator.Problem();
        }

        var language = lang is null ? Texts.CurrentLanguage : Texts.Normalise(lang);
        var shown = texts.Keys(language).Where(k => k.StartsWith("app.", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .ToDictionary(k => k, k => texts.Get(language, k));
        return Results.Json(new { language, texts = shown });
    }
}

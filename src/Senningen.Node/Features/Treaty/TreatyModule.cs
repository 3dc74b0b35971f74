using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Senningen.Contracts.Treaty;
using Senningen.Core.Countries;
using Senningen.Core.Treaty;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Features.Treaty.Public;

namespace Senningen.Node.Features.Treaty;

/// <summary>The question to the catalogue, as the query string names it; as text, so that a malformed part is a problem naming it.</summary>
internal sealed record TreatyQuestion(
    [FromQuery(Name = "mission")] string? Mission = null,
    [FromQuery(Name = "acting")] string? Acting = null,
    [FromQuery(Name = "host")] string? Host = null,
    [FromQuery(Name = "date")] string? Date = null,
    [FromQuery(Name = "lang")] string? Lang = null);

internal static class TreatyModule
{
    public static WebApplicationBuilder AddTreaty(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TreatyCatalogueLoader.Load(builder.NodeSettings.TreatyDirectory));
        return builder;
    }

    public static WebApplication MapTreaty(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/treaty").WithTags("Treaty catalogue");
        group.MapGet("", GetCatalogue).WithSummary("The whole catalogue in one language (lang=nl|fr|de|en, default: yours).");
        group.MapGet("/decide", Decide).WithSummary("May an officer of {acting} do {mission} in {host} on {date}, and under which conditions?");
        return app;
    }

    public static Results<Ok<TreatyCatalogueView>, ProblemHttpResult> GetCatalogue(string? lang, TreatyCatalogue catalogue, Texts texts)
    {
        var validator = new RequestValidator(texts);
        var language = Language(validator, lang);
        return validator.HasErrors ? validator.Problem() : TypedResults.Ok(catalogue.ToView(language));
    }

    public static Results<Ok<TreatyDecisionView>, ProblemHttpResult> Decide([AsParameters] TreatyQuestion question, TreatyCatalogue catalogue,
        NodeSettings settings, TimeProvider clock, Texts texts)
    {
        var (mission, acting, host, date, lang) = question;
        var validator = new RequestValidator(texts);
        if (validator.Required("mission", mission) && catalogue.FindMissionType(mission!) is null)
        {
            validator.OneOf("mission", mission, [.. catalogue.MissionTypes.Select(m => m.Id)]);
        }

        var actingCountry = string.IsNullOrWhiteSpace(acting) ? settings.Country : validator.Country("acting", acting, partyOnly: false);
        var hostCountry = validator.Country("host", host, partyOnly: false);
        var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (!string.IsNullOrWhiteSpace(date) && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            validator.Add("date", Rules.Format, "rule.day-format");
        }

        var language = Language(validator, lang);
        if (validator.HasErrors)
        {
            return validator.Problem();
        }

        return TypedResults.Ok(catalogue.Decide(mission!, actingCountry, hostCountry, day).ToView(language));
    }

    private static string Language(RequestValidator validator, string? lang)
    {
        if (string.IsNullOrWhiteSpace(lang))
        {
            return Texts.CurrentLanguage;
        }

        validator.OneOf("lang", lang.ToLowerInvariant(), Texts.Languages);
        return Texts.Normalise(lang);
    }

    internal static CountryCode DefaultHost(NodeSettings settings) =>
        CountryCode.TreatyParties.First(c => c != settings.Country);
}

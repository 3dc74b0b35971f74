using Senningen.Contracts.Anpr;
using Senningen.Core.Anpr;
using Senningen.Core.Countries;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Anpr.Hotlists;

/// <summary>A hotlist line that passed every rule, normalised.</summary>
internal sealed record CheckedLine(int Line, string ListedAs, Plate Plate, HotlistCategory Category, HotlistAction Action,
    DateTimeOffset ValidFrom, DateTimeOffset? ValidTo, CountryCode Owner, string? Assessment);

/// <summary>Checks import lines one by one: a bad line is reported with its number, field and rule; the others are kept.</summary>
internal static class HotlistLineRules
{
    public static CheckedLine? Check(int line, HotlistEntryInput? input, CountryCode nodeCountry, DateTimeOffset now, Texts texts,
        List<RejectedLine> rejected)
    {
        RejectedLine Reject(string field, string rule, string key, params object?[] args) =>
            new(line, field, rule, texts[key, [field, .. args]]);

        var category = default(HotlistCategory);
        var action = default(HotlistAction);
        var owner = nodeCountry;
        var plate = default(Plate);
        var problem = input switch
        {
            null => Reject("line", Rules.Required, "rule.required"),
            { Plate: null or "" } => Reject("plate", Rules.Required, "rule.required"),
            { Plate.Length: > 30 } => Reject("plate", Rules.MaxLength, "rule.max-length", 30),
            _ when !Plate.TryParse(input.Plate, out plate) => Reject("plate", Rules.Format, "rule.plate"),
            { Category: null or "" } => Reject("category", Rules.Required, "rule.required"),
            _ when !AnprNames.Categories.TryGetValue(input.Category.Trim().ToLowerInvariant(), out category) =>
                Reject("category", Rules.OneOf, "rule.one-of", string.Join(", ", AnprNames.Categories.Keys)),
            { Action: { Length: > 0 } a } when !AnprNames.Actions.TryGetValue(a.Trim().ToLowerInvariant(), out action) =>
                Reject("action", Rules.OneOf, "rule.one-of", string.Join(", ", AnprNames.Actions.Keys)),
            { Owner: { Length: > 0 } o } when !CountryCode.TryParse(o, out owner) => Reject("owner", Rules.CountryCode, "rule.country-code"),
            { ValidFrom: { } f, ValidTo: { } t } when t <= f => Reject("validTo", Rules.Range, "rule.to-before-from"),
            { ValidTo: { } t } when t <= now => Reject("validTo", Rules.Range, "rule.in-future"),
            _ when category == HotlistCategory.BeNlSharedReference && string.IsNullOrWhiteSpace(input.Assessment) =>
                Reject("assessment", Rules.Required, "rule.shared-assessment"),
            { Assessment.Length: > 2000 } => Reject("assessment", Rules.MaxLength, "rule.max-length", 2000),
            _ => null,
        };
        if (problem is not null)
        {
            rejected.Add(problem);
            return null;
        }

        if (action == default)
        {
            action = AnprNames.DefaultAction(category);
        }

        return new CheckedLine(line, input!.Plate!.Trim(), plate, category, action, input.ValidFrom ?? now, input.ValidTo, owner,
            string.IsNullOrWhiteSpace(input.Assessment) ? null : input.Assessment.Trim());
    }
}

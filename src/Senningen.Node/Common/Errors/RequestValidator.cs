using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Core.Countries;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Common.Errors;

/// <summary>Collects every broken rule of a request so the caller learns all of them at once.</summary>
public sealed class RequestValidator(Texts texts)
{
    private readonly List<FieldError> _errors = [];

    public bool HasErrors => _errors.Count > 0;

    public IReadOnlyList<FieldError> Errors => _errors;

    public RequestValidator Add(string field, string rule, string messageKey, params object?[] args)
    {
        _errors.Add(new FieldError(field, rule, texts[messageKey, [field, .. args]]));
        return this;
    }

    public bool Required(string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        Add(field, Rules.Required, "rule.required");
        return false;
    }

    public void MaxLength(string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            Add(field, Rules.MaxLength, "rule.max-length", max);
        }
    }

    public void MinLength(string field, string? value, int min)
    {
        if (value is not null && value.Length < min)
        {
            Add(field, Rules.MinLength, "rule.min-length", min);
        }
    }

    public void OneOf(string field, string? value, IReadOnlyCollection<string> allowed)
    {
        if (value is not null && !allowed.Contains(value))
        {
            Add(field, Rules.OneOf, "rule.one-of", string.Join(", ", allowed));
        }
    }

    /// <summary>A whole number given as text (query strings), or the fallback when absent.</summary>
    public int WholeNumber(string field, string? text, int fallback, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
        {
            return value;
        }

        Add(field, Rules.Range, "rule.range", min, max);
        return fallback;
    }

    /// <summary>An optional moment given as text (query strings; UTC when no offset is given), or null when absent or malformed.</summary>
    public DateTimeOffset? Moment(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal,
            out var value))
        {
            return value;
        }

        Add(field, Rules.Format, "rule.date-format");
        return null;
    }

    public CountryCode Country(string field, string? value, bool partyOnly)
    {
        if (!Required(field, value))
        {
            return default;
        }

        var ok = partyOnly ? CountryCode.TryParseParty(value, out var code) : CountryCode.TryParse(value, out code);
        if (!ok)
        {
            Add(field, Rules.CountryCode, partyOnly ? "rule.country-party" : "rule.country-code");
        }

        return code;
    }

    public ProblemHttpResult Problem() => Problems.Validation(texts, _errors);
}

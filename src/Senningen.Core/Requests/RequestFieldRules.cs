using System.Globalization;

namespace Senningen.Core.Requests;

/// <summary>One broken rule on one field of a request's form, with the values the message needs.</summary>
public sealed record FieldViolation(string Field, string Rule, IReadOnlyList<object> Args);

/// <summary>
/// Checks the field values of a request against its type, field by field, and gives every broken rule at once.
/// Values come as text (numbers in invariant culture, dates ISO 8601, yes/no as true/false, several choices comma-separated).
/// </summary>
public static class RequestFieldRules
{
    public const string Required = "required";
    public const string MaxLength = "max-length";
    public const string Format = "format";
    public const string Range = "range";
    public const string OneOf = "one-of";
    public const string DateOrder = "date-order";
    public const string MustBeTrue = "must-be-true";
    public const string UnknownField = "unknown-field";

    public static IReadOnlyList<FieldViolation> Check(RequestType type, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(values);
        var violations = new List<FieldViolation>();
        foreach (var name in values.Keys.Where(k => type.Field(k) is null).Order(StringComparer.Ordinal))
        {
            violations.Add(new FieldViolation($"fields.{name}", UnknownField, [type.Id]));
        }

        foreach (var field in type.Fields)
        {
            var value = values.GetValueOrDefault(field.Name) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
            if (value is null)
            {
                if (field.Mandatory)
                {
                    violations.Add(new FieldViolation($"fields.{field.Name}", Required, []));
                }

                continue;
            }

            if (CheckValue(field, value) is { } violation)
            {
                violations.Add(violation);
            }
            else if (field.NotBefore is { } earlier && Moment(values.GetValueOrDefault(earlier)) is { } start && Moment(value) is { } end && end < start)
            {
                violations.Add(new FieldViolation($"fields.{field.Name}", DateOrder, [$"fields.{earlier}"]));
            }
        }

        return violations;
    }

    private static FieldViolation? CheckValue(RequestField field, string value)
    {
        var path = $"fields.{field.Name}";
        if (value.Length > field.MaxLength)
        {
            return new FieldViolation(path, MaxLength, [field.MaxLength]);
        }

        switch (field.Kind)
        {
            case FieldKind.Number:
                if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                {
                    return new FieldViolation(path, Format, ["number"]);
                }

                return (field.Min is { } min && number < min) || (field.Max is { } max && number > max)
                    ? new FieldViolation(path, Range, [field.Min?.ToString(CultureInfo.InvariantCulture) ?? "", field.Max?.ToString(CultureInfo.InvariantCulture) ?? ""])
                    : null;
            case FieldKind.Date:
                return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? null : new FieldViolation(path, Format, ["yyyy-mm-dd"]);
            case FieldKind.DateTime:
                return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) && value.Contains('T', StringComparison.Ordinal)
                    ? null : new FieldViolation(path, Format, ["yyyy-mm-ddThh:mm+01:00"]);
            case FieldKind.Boolean:
                if (value is not ("true" or "false"))
                {
                    return new FieldViolation(path, Format, ["true|false"]);
                }

                return field.MustBeTrue && value == "false" ? new FieldViolation(path, MustBeTrue, []) : null;
            case FieldKind.Choice:
            case FieldKind.Choices:
                var allowed = field.Choices.Select(c => c.Value).ToList();
                var picked = field.Kind == FieldKind.Choice ? [value] : SplitChoices(value);
                return picked.Count > 0 && picked.All(allowed.Contains) ? null : new FieldViolation(path, OneOf, [string.Join(", ", allowed)]);
            default:
                return null;
        }
    }

    /// <summary>The values of a several-choices field, as given.</summary>
    public static IReadOnlyList<string> SplitChoices(string? value) =>
        value is null ? [] : [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static DateTimeOffset? Moment(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        return DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment) ? moment : null;
    }
}

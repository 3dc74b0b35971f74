using System.CommandLine;
using System.Globalization;

namespace Senningen.Cli.Commands;

/// <summary>Local checks that turn a bad value into a usage error (exit 2) before anything is sent.</summary>
internal static class OptionRules
{
    /// <summary>Accepts the <paramref name="allowed"/> values in any case; the action maps them back with <see cref="Canonical"/>.</summary>
    public static TOption OneOf<TOption>(this TOption option, IReadOnlyList<string> allowed, string noun)
        where TOption : Option
    {
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => Canonical(t.Value, allowed) is null))
            {
                result.AddError($"unknown {noun} '{token.Value}'; expected one of {string.Join(", ", allowed)}");
            }
        });
        return option;
    }

    public static string? Canonical(string? value, IReadOnlyList<string> allowed) =>
        allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));

    /// <summary>An ISO 8601 date or moment; without an offset it is local time, as a person at the terminal means it.</summary>
    public static Option<DateTimeOffset?> IsoMoment(string name, string description) => new(name)
    {
        Description = $"{description} (ISO 8601, e.g. 2025-01-31 or 2025-01-31T08:00:00+01:00; local time without an offset).",
        HelpName = "ISO",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var moment))
            {
                return moment;
            }

            result.AddError($"{name} '{text}' is not an ISO 8601 date or moment");
            return null;
        },
    };

    /// <summary>A whole number in [min, max]; anything else is a usage error naming the option and the range.</summary>
    public static Option<int?> Whole(string name, string description, int? fallback, int min, int max) => new(name)
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"{description}; {min} to {max}."),
        HelpName = "N",
        DefaultValueFactory = _ => fallback,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} '{text}' is not a whole number from {min} to {max}"));
            return null;
        },
    };
}

using System.CommandLine;

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
}

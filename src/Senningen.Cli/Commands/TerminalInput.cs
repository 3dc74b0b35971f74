using System.CommandLine;
using System.Diagnostics.CodeAnalysis;

namespace Senningen.Cli.Commands;

/// <summary>User names and passwords from options, stdin, the environment or a prompt, in that order.</summary>
internal static class TerminalInput
{
    public static Option<bool> PasswordStdinOption() => new("--password-stdin")
    {
        Description = "Read the password from the first line of stdin instead of prompting (for scripts).",
    };

    public static bool TryUsername(CliConsole console, string? given, bool passwordFromStdin, [NotNullWhen(true)] out string? username, [NotNullWhen(false)] out CliError? error)
    {
        username = given;
        if (string.IsNullOrWhiteSpace(username))
        {
            // Stdin either carries the password or is not a terminal: a prompt would read the wrong thing.
            username = console.IsInputRedirected || passwordFromStdin ? null : console.ReadLine("Username: ")?.Trim();
        }

        error = string.IsNullOrWhiteSpace(username) ? CliError.Usage("--username is required when stdin is not a terminal") : null;
        return error is null;
    }

    /// <param name="environmentVariable">Consulted after stdin and before the prompt; null to skip.</param>
    /// <param name="confirm">Prompt twice, for a password being set rather than checked.</param>
    public static bool TryPassword(CliConsole console, bool fromStdin, string? environmentVariable, bool confirm, [NotNullWhen(true)] out string? password, [NotNullWhen(false)] out CliError? error)
    {
        error = null;
        password = fromStdin
            ? console.In.ReadLine()
            : environmentVariable is null ? null : console.GetEnvironmentVariable(environmentVariable);
        if (!fromStdin && string.IsNullOrEmpty(password))
        {
            if (console.IsInputRedirected)
            {
                var alternatives = environmentVariable is null ? "--password-stdin" : $"--password-stdin or set {environmentVariable}";
                error = CliError.Usage($"refusing to prompt for a password: stdin is not a terminal; use {alternatives}");
                return false;
            }

            password = console.ReadSecret("Password: ");
            if (confirm && !string.IsNullOrEmpty(password) && console.ReadSecret("Repeat password: ") != password)
            {
                error = CliError.Usage("the passwords do not match");
                return false;
            }
        }

        if (string.IsNullOrEmpty(password))
        {
            error = CliError.Usage(fromStdin ? "no password on stdin" : "no password given");
            return false;
        }

        return true;
    }
}

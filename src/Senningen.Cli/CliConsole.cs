using System.Text;

namespace Senningen.Cli;

/// <summary>
/// Everything <c>senn</c> reads from or writes to its surroundings: the standard streams, the terminal and
/// the environment. Tests build one from strings; <see cref="System"/> is the real process.
/// </summary>
public sealed class CliConsole
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    public required TextReader In { get; init; }

    /// <summary>True when stdin is a pipe or a file: then <c>senn</c> never prompts.</summary>
    public bool IsInputRedirected { get; init; }

    /// <summary>Shows a prompt and reads one line without echoing it; null when the input ends.</summary>
    public required Func<string, string?> ReadSecret { get; init; }

    public required Func<string, string?> GetEnvironmentVariable { get; init; }

    /// <summary>Prompts go to stderr so that stdout carries only results.</summary>
    public string? ReadLine(string prompt)
    {
        Error.Write(prompt);
        return In.ReadLine();
    }

    public static CliConsole System() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        In = Console.In,
        IsInputRedirected = Console.IsInputRedirected,
        ReadSecret = ReadSecretFromTerminal,
        GetEnvironmentVariable = Environment.GetEnvironmentVariable,
    };

    private static string? ReadSecretFromTerminal(string prompt)
    {
        Console.Error.Write(prompt);
        var secret = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    Console.Error.WriteLine();
                    return secret.ToString();
                case ConsoleKey.Backspace when secret.Length > 0:
                    secret.Length--;
                    break;
                default:
                    if (!char.IsControl(key.KeyChar))
                    {
                        secret.Append(key.KeyChar);
                    }

                    break;
            }
        }
    }
}

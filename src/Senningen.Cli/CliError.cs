namespace Senningen.Cli;

/// <summary>An expected failure: the one line printed after <c>senn: </c> and the exit code that goes with it.</summary>
internal sealed record CliError(int ExitCode, string Message)
{
    public static CliError Usage(string message) => new(ExitCodes.Usage, message);

    public static CliError NotLoggedIn(NodeAddress node, string reason) =>
        new(ExitCodes.NotLoggedIn, $"{reason}; run 'senn login --node {node}'");
}

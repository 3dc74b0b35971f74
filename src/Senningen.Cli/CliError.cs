namespace Senningen.Cli;

/// <summary>An expected failure: the one line printed after <c>senn: </c> and the exit code that goes with it.</summary>
internal sealed record CliError(int ExitCode, string Message)
{
    public static CliError Usage(string message) => new(ExitCodes.Usage, message);

    public static CliError PlainHttp(NodeAddress node) =>
        new(ExitCodes.Usage, $"refusing {node}: plain http sends the password and token readable over the network; "
            + "use https://, or http:// only to this computer (localhost, 127.0.0.0/8, ::1)");

    public static CliError NotLoggedIn(NodeAddress node, string reason) =>
        new(ExitCodes.NotLoggedIn, $"{reason}; run 'senn login --node {node}'");
}

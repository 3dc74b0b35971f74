using System.CommandLine;
using Senningen.Cli.Commands;
using Senningen.Cli.Credentials;
using Senningen.Cli.Http;

namespace Senningen.Cli;

/// <summary>The whole of <c>senn</c> behind one call, so tests run it in-process with their own console and node.</summary>
public static class CliApp
{
    /// <param name="handler">Carries the HTTP requests; null for real sockets.</param>
    /// <param name="configDir">Where credentials.json lives; null for $SENNINGEN_CONFIG_DIR, else ~/.config/senningen.</param>
    /// <returns>The process exit code, one of <see cref="ExitCodes"/>.</returns>
    public static async Task<int> RunAsync(
        string[] args,
        CliConsole console,
        HttpMessageHandler? handler = null,
        string? configDir = null,
        TimeProvider? time = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(console);
        var credentials = new CredentialStore(configDir ?? DefaultConfigDir(console));
        var context = new CliContext(console, handler, credentials, time ?? TimeProvider.System);
        var root = new RootCommand("senn: the Senningen command line, for one or more nodes over their HTTP API.")
        {
            context.NodeOption,
            LoginCommand.Create(context),
            LogoutCommand.Create(context),
            WhoAmICommand.Create(context),
            AdminCommand.Create(context),
            AuditCommand.Create(context),
            NodeCommand.Create(context),
            ExchangeCommand.Create(context),
            SimulateCommand.Create(context),
            AnprCommand.Create(context),
            RegistryCommand.Create(context),
            RequestsCommand.Create(context),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            return context.Fail(CliError.Usage($"{string.Join("; ", parse.Errors.Select(e => e.Message.TrimEnd('.')))} (see '{CommandPath(parse)} --help')"));
        }

        var invocation = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(invocation, ct);
        }
        catch (NodeUnreachableException e)
        {
            return context.Fail(new CliError(ExitCodes.NodeUnreachable, e.Message));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return context.Fail(new CliError(ExitCodes.Failure, e.Message));
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C, or the caller's token; timeouts were already turned into NodeUnreachableException.
            return context.Fail(new CliError(ExitCodes.Cancelled, "cancelled"));
        }
    }

    private static string DefaultConfigDir(CliConsole console) =>
        console.GetEnvironmentVariable("SENNINGEN_CONFIG_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "senningen");

    private static string CommandPath(ParseResult parse)
    {
        var names = new Stack<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Push(result.Command is RootCommand ? "senn" : result.Command.Name);
        }

        return string.Join(' ', names);
    }
}

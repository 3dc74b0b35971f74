using System.CommandLine;

namespace Senningen.Cli.Commands;

internal static class ExchangeCommand
{
    public static Command Create(CliContext context) =>
        new("exchange", "Watch and test the signed message exchange with partner nodes (needs the Admin or ControlRoom role).")
        {
            ExchangeStatusCommand.Create(context),
            ExchangePingCommand.Create(context),
            ExchangeResyncCommand.Create(context),
        };
}

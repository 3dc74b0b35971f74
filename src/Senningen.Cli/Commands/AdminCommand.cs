using System.CommandLine;

namespace Senningen.Cli.Commands;

internal static class AdminCommand
{
    public static Command Create(CliContext context) =>
        new("admin", "Administer this node's users (needs the Admin role).")
        {
            CreateUserCommand.Create(context),
        };
}

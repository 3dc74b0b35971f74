using System.CommandLine;

namespace Senningen.Cli.Commands;

internal static class LogoutCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("logout", "Forget the token kept for the node. Other nodes stay logged in.");
        command.SetAction(parse =>
        {
            if (!context.TryResolveNode(parse, out var node, out var error))
            {
                return context.Fail(error);
            }

            context.Console.Out.WriteLine(context.Credentials.Remove(node) ? $"Logged out of {node}" : $"Not logged in to {node}");
            return ExitCodes.Ok;
        });
        return command;
    }
}

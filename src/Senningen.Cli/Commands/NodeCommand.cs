using System.CommandLine;

namespace Senningen.Cli.Commands;

internal static class NodeCommand
{
    public static Command Create(CliContext context) =>
        new("node", "Ask the node about itself.")
        {
            NodeInfoCommand.Create(context),
            NodeKeyCommand.Create(context),
        };
}

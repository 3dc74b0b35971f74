using System.CommandLine;

namespace Senningen.Cli.Commands;

internal static class SimulateCommand
{
    public static Command Create(CliContext context) =>
        new("simulate", "Drive simulated operations against a node, for demos and training.")
        {
            SimulatePursuitCommand.Create(context),
        };
}

using System.CommandLine;

namespace Senningen.Cli.Commands;

internal static class RegistryCommand
{
    public static Command Create(CliContext context) =>
        new("registry", "The node's reference registry of persons, vehicles, documents and police records.")
        {
            RegistryGenerateCommand.Create(context),
        };
}

using System.CommandLine;

namespace Senningen.Cli.Commands;

internal static class AnprCommand
{
    public static Command Create(CliContext context) =>
        new("anpr", "Number-plate reads and hotlists: import a hotlist, replay reads for demos and load.")
        {
            new Command("hotlist", "The node's hotlist.") { AnprHotlistImportCommand.Create(context) },
            AnprReplayCommand.Create(context),
        };
}

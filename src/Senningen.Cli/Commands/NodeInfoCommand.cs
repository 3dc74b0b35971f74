using System.CommandLine;
using Senningen.Contracts.Node;

namespace Senningen.Cli.Commands;

internal static class NodeInfoCommand
{
    public static Command Create(CliContext context)
    {
        var info = new Command("info", "Show the node's country, name and version, and the partner nodes it exchanges with.");
        info.SetAction(async (parse, ct) =>
        {
            // The token is sent when there is one, but the node describes itself to anyone.
            if (!context.TryConnect(parse, loginRequired: false, out var connection, out var error))
            {
                return context.Fail(error);
            }

            using (connection)
            {
                var answered = await connection.Client.GetAsync<NodeInfo>("api/v1/node", ct);
                if (!answered.Succeeded)
                {
                    return context.Fail(connection.Node, answered.Problem);
                }

                var node = answered.Value;
                var demo = node.DemoMode ? ", demo mode" : "";
                context.Console.Out.WriteLine($"{node.Name} ({node.Country}) at {connection.Node}, version {node.Version}{demo}");
                foreach (var partner in node.Partners)
                {
                    context.Console.Out.WriteLine($"  partner {partner.Country} {partner.BaseUrl}");
                }

                return ExitCodes.Ok;
            }
        });
        return info;
    }
}

using System.CommandLine;
using Senningen.Contracts.Exchange;

namespace Senningen.Cli.Commands;

internal static class NodeKeyCommand
{
    public static Command Create(CliContext context)
    {
        var key = new Command("key", "Show the node's public signing key and its fingerprint, to compare out of band with what partners configured.")
        {
            NodeKeyChangeCommands.Rotate(context),
            NodeKeyChangeCommands.Revoke(context),
        };
        key.SetAction(async (parse, ct) =>
        {
            // Unlike 'node info', the node shows its key to signed-in users only.
            if (!context.TryConnect(parse, loginRequired: true, out var connection, out var error))
            {
                return context.Fail(error);
            }

            using (connection)
            {
                var answered = await connection.Client.GetAsync<NodeKeyView>("api/v1/node/key", ct);
                if (!answered.Succeeded)
                {
                    return context.Fail(connection.Node, answered.Problem);
                }

                // The PEM last and unchanged, so 'senn node key | sed -n "/BEGIN/,/END/p"' gives a file partners can load.
                var view = answered.Value;
                context.Console.Out.WriteLine($"Country:     {view.Country}");
                context.Console.Out.WriteLine($"Fingerprint: {view.KeyId}");
                context.Console.Out.WriteLine(view.PublicKeyPem.TrimEnd());
                return ExitCodes.Ok;
            }
        });
        return key;
    }
}

using System.CommandLine;
using Senningen.Contracts.Auth;

namespace Senningen.Cli.Commands;

internal static class WhoAmICommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("whoami", "Show the user the node sees behind the kept token: name, unit, country, roles.");
        command.SetAction(async (parse, ct) =>
        {
            if (!context.TryConnect(parse, loginRequired: true, out var connection, out var error))
            {
                return context.Fail(error);
            }

            using (connection)
            {
                var me = await connection.Client.GetAsync<CurrentUser>("api/v1/me", ct);
                if (!me.Succeeded)
                {
                    return context.Fail(connection.Node, me.Problem);
                }

                var user = me.Value;
                context.Console.Out.WriteLine($"{user.Username} ({user.DisplayName}) on {connection.Node}");
                context.Console.Out.WriteLine($"  country  {user.Country}");
                context.Console.Out.WriteLine($"  unit     {user.Unit}");
                context.Console.Out.WriteLine($"  roles    {Format.Roles(user.Roles)}");
                context.Console.Out.WriteLine($"  language {user.Language}");
                return ExitCodes.Ok;
            }
        });
        return command;
    }
}

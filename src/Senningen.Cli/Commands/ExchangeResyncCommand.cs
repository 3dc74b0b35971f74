using System.CommandLine;
using System.Globalization;
using Senningen.Contracts.Exchange;

namespace Senningen.Cli.Commands;

internal static class ExchangeResyncCommand
{
    public static Command Create(CliContext context)
    {
        var since = new Option<string>("--since")
        {
            Description = "Ask for everything delivered since this instant (ISO 8601, e.g. the backup's taken_at); default: from the last message still held from each partner.",
            HelpName = "TIME",
        };
        var resync = new Command("resync",
            "After a restore from backup: ask every partner to send again what it delivered to this node since the backup, and to show the head of this node's audit log it holds (a larger one is raised to the DPO). Needs the Admin role.")
        {
            since,
        };
        resync.SetAction(async (parse, ct) =>
        {
            if (!context.TryConnect(parse, loginRequired: true, out var connection, out var error))
            {
                return context.Fail(error);
            }

            using (connection)
            {
                var answered = await connection.Client.PostAsync<ResyncRequest, ResyncRequested>("api/v1/exchange/resync",
                    new ResyncRequest(parse.GetValue(since)), ct);
                if (!answered.Succeeded)
                {
                    return context.Fail(connection.Node, answered.Problem);
                }

                foreach (var sent in answered.Value.Partners)
                {
                    context.Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{sent.Partner}: asked to resend since {sent.Since:O} (message {sent.MessageId})"));
                }

                if (answered.Value.Partners.Count == 0)
                {
                    context.Console.Out.WriteLine("No partner is configured: nothing to ask");
                }

                return ExitCodes.Ok;
            }
        });
        return resync;
    }
}

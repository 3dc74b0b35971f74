using System.CommandLine;
using System.Globalization;
using Senningen.Contracts.Exchange;

namespace Senningen.Cli.Commands;

internal static class ExchangeStatusCommand
{
    private static readonly string[] Headers = ["PARTNER", "QUEUE", "OLDEST", "LAST SUCCESS", "LAST ERROR", "CIRCUIT"];

    public static Command Create(CliContext context)
    {
        var status = new Command("status", "Show each partner link: queue depth, oldest undelivered message, last success, last error and circuit state.");
        status.SetAction(async (parse, ct) =>
        {
            if (!context.TryConnect(parse, loginRequired: true, out var connection, out var error))
            {
                return context.Fail(error);
            }

            using (connection)
            {
                var answered = await connection.Client.GetAsync<ExchangeStatusView>("api/v1/exchange/status", ct);
                if (!answered.Succeeded)
                {
                    return context.Fail(connection.Node, answered.Problem);
                }

                Write(context, answered.Value);
                return ExitCodes.Ok;
            }
        });
        return status;
    }

    // A table of how the links fare is the answer even when one is down: the exit code says senn worked, not that partners do.
    private static void Write(CliContext context, ExchangeStatusView view)
    {
        var rows = view.Partners.Select(p => (IReadOnlyList<string>)
        [
            p.Partner,
            p.QueueDepth.ToString(CultureInfo.InvariantCulture),
            Moment(context, p.OldestUndelivered),
            Moment(context, p.LastSuccess),
            p.LastErrorAt is { } at ? $"{Format.Moment(at, context.Time)} {p.LastError}" : "-",
            p.Circuit,
        ]).ToList();
        TextTable.Write(context.Console.Out, Headers, rows);
        context.Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{view.Country} signs with key {view.KeyId}; {view.Alerts} message(s) expired, rejected or failed"));
    }

    private static string Moment(CliContext context, DateTimeOffset? moment) => moment is { } m ? Format.Moment(m, context.Time) : "-";
}

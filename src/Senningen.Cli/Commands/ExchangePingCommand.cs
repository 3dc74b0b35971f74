using System.CommandLine;
using System.Globalization;
using Senningen.Contracts.Exchange;

namespace Senningen.Cli.Commands;

internal static class ExchangePingCommand
{
    public static Command Create(CliContext context)
    {
        var partner = new Argument<string>("PARTNER") { Description = "The partner's country code, e.g. NL." };
        var note = new Option<string>("--note") { Description = "A short text carried in the signed ping (at most 500 characters).", HelpName = "TEXT" };
        var ping = new Command("ping",
            "Send a signed ping to a partner through the outbox and wait for its signed receipt. Exits 0 when receipted, 1 when rejected, expired or still pending.")
        {
            partner, note,
        };
        ping.SetAction(async (parse, ct) =>
        {
            if (!context.TryConnect(parse, loginRequired: true, out var connection, out var error))
            {
                return context.Fail(error);
            }

            using (connection)
            {
                // The partner is checked by the node against its own trust list, so its 400 names the partners it knows.
                var request = new PingRequest(parse.GetRequiredValue(partner), parse.GetValue(note));
                var answered = await connection.Client.PostAsync<PingRequest, PingResult>("api/v1/exchange/ping", request, ct);
                if (!answered.Succeeded)
                {
                    return context.Fail(connection.Node, answered.Problem);
                }

                var result = answered.Value;
                if (result.Outcome != "receipted")
                {
                    var reason = string.IsNullOrWhiteSpace(result.Reason) ? "" : $": {result.Reason}";
                    return context.Fail(new CliError(ExitCodes.Failure, $"{result.Partner}: {result.Outcome}{reason} (message {result.MessageId})"));
                }

                context.Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{result.Partner}: receipted in {result.LatencyMilliseconds ?? 0:0.0} ms (message {result.MessageId})"));
                return ExitCodes.Ok;
            }
        });
        return ping;
    }
}

using System.CommandLine;
using System.Globalization;
using Senningen.Contracts.Audit;

namespace Senningen.Cli.Commands;

internal static class VerifyAuditCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("verify", $"Walk the audit chain on the node. Exits {ExitCodes.AuditChainBroken} when an entry does not match its hash.");
        command.SetAction(async (parse, ct) =>
        {
            if (!context.TryConnect(parse, loginRequired: true, out var connection, out var error))
            {
                return context.Fail(error);
            }

            using (connection)
            {
                var verified = await connection.Client.GetAsync<AuditVerification>("api/v1/audit/verify", ct);
                if (!verified.Succeeded)
                {
                    return context.Fail(connection.Node, verified.Problem);
                }

                // A broken chain is the answer to the question asked, not a failure of senn: it goes to stdout.
                var result = verified.Value;
                context.Console.Out.WriteLine(result.Intact
                    ? string.Create(CultureInfo.InvariantCulture, $"Audit chain intact: {result.EntriesChecked} entries, head {result.HeadHash ?? "(empty)"}")
                    : string.Create(CultureInfo.InvariantCulture, $"Audit chain BROKEN at entry #{result.FirstBrokenSequence}: {result.Problem}"));
                return result.Intact ? ExitCodes.Ok : ExitCodes.AuditChainBroken;
            }
        });
        return command;
    }
}

using System.CommandLine;

namespace Senningen.Cli.Commands;

internal static class AuditCommand
{
    public static Command Create(CliContext context) =>
        new("audit", "Check and export the node's hash-chained audit log (needs the DataProtectionOfficer role).")
        {
            VerifyAuditCommand.Create(context),
            ExportAuditCommand.Create(context),
        };
}

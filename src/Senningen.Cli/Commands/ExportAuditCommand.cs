using System.CommandLine;
using System.Globalization;

namespace Senningen.Cli.Commands;

internal static class ExportAuditCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<FileInfo>("--out") { Description = "The CSV file to write; replaced only when the export succeeds.", HelpName = "FILE", Required = true };
        var from = OptionRules.IsoMoment("--from", "Entries at or after this moment");
        var to = OptionRules.IsoMoment("--to", "Entries before this moment");
        var user = new Option<string>("--user") { Description = "Only entries by this user.", HelpName = "USER" };
        var action = new Option<string>("--action") { Description = "Only entries of this action, e.g. PlateSearched.", HelpName = "ACTION" };
        var subject = new Option<string>("--subject") { Description = "Only entries about this record (plate, person id); needs --purpose.", HelpName = "SUBJECT" };
        var purpose = new Option<string>("--purpose") { Description = "Why entries about --subject are searched; the node audits the export itself.", HelpName = "PURPOSE" };
        var caseReference = new Option<string>("--case") { Description = "Only entries under this case reference.", HelpName = "REF" };
        var command = new Command("export", "Stream audit entries as CSV into a file and print how many rows were written.")
        {
            output, from, to, user, action, subject, purpose, caseReference,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(subject) is not null && string.IsNullOrWhiteSpace(result.GetValue(purpose)))
            {
                result.AddError("--purpose is required with --subject");
            }
        });

        command.SetAction(async (parse, ct) =>
        {
            var query = Query(
                ("from", Iso(parse.GetValue(from))),
                ("to", Iso(parse.GetValue(to))),
                ("user", parse.GetValue(user)),
                ("action", parse.GetValue(action)),
                ("subject", parse.GetValue(subject)),
                ("purpose", parse.GetValue(purpose)),
                ("caseReference", parse.GetValue(caseReference)));
            return await ExportAsync(context, parse, parse.GetRequiredValue(output), "api/v1/audit/export" + query, ct);
        });
        return command;
    }

    private static async Task<int> ExportAsync(CliContext context, ParseResult parse, FileInfo output, string path, CancellationToken ct)
    {
        if (output.Directory is { Exists: false } directory)
        {
            return context.Fail(CliError.Usage($"directory {directory.FullName} does not exist"));
        }

        if (!context.TryConnect(parse, loginRequired: true, out var connection, out var error))
        {
            return context.Fail(error);
        }

        // A hidden sibling in the same directory, so the final move is a rename and never leaves half a file.
        var partial = Path.Combine(output.DirectoryName ?? ".", $".{output.Name}.{Guid.NewGuid():N}.part");
        try
        {
            using (connection)
            {
                var rows = await connection.Client.DownloadAsync(path, "text/csv", async (body, token) =>
                {
                    await using var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
                    return await CsvRowCounter.CopyAsync(body, file, token);
                }, ct);
                if (!rows.Succeeded)
                {
                    return context.Fail(connection.Node, rows.Problem);
                }

                File.Move(partial, output.FullName, overwrite: true);
                context.Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Exported {rows.Value} audit rows to {output.FullName}"));
                return ExitCodes.Ok;
            }
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private static string? Iso(DateTimeOffset? moment) => moment?.ToString("O", CultureInfo.InvariantCulture);

    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return present.Count == 0 ? "" : "?" + string.Join('&', present);
    }
}

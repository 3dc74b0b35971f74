using System.CommandLine;
using System.Globalization;
using System.Net.Http.Headers;
using Senningen.Contracts.Anpr;

namespace Senningen.Cli.Commands;

internal static class AnprHotlistImportCommand
{
    private static readonly string[] Formats = ["csv", "json"];
    private static readonly string[] Headers = ["LINE", "FIELD", "RULE", "PROBLEM"];

    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "The hotlist: CSV with a header line (plate,category,action,validFrom,validTo,owner,assessment) or a JSON array." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every line and report what would be rejected; import nothing." };
        var format = new Option<string>("--format") { Description = "csv or json (default: from the file's extension).", HelpName = "FORMAT" }.OneOf(Formats, "format");
        var command = new Command("import", "Import hotlist entries into the node (each change audited there); lines that break a rule are listed and skipped.")
        {
            file, dryRun, format,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(file);
            var kind = OptionRules.Canonical(parse.GetValue(format), Formats)
                ?? (path.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase) ? "json" : "csv");
            if (!path.Exists)
            {
                return context.Fail(CliError.Usage($"{path.FullName} does not exist"));
            }

            if (!context.TryConnect(parse, loginRequired: true, out var connection, out var error))
            {
                return context.Fail(error);
            }

            using (connection)
            {
                var body = new ByteArrayContent(await File.ReadAllBytesAsync(path.FullName, ct));
                body.Headers.ContentType = new MediaTypeHeaderValue(kind == "json" ? "application/json" : "text/csv") { CharSet = "utf-8" };
                var dry = parse.GetValue(dryRun);
                var answered = await connection.Client.PostContentAsync<HotlistImportReport>(
                    "api/v1/anpr/hotlist/import" + (dry ? "?dryRun=true" : ""), body, ct);
                if (!answered.Succeeded)
                {
                    return context.Fail(connection.Node, answered.Problem);
                }

                return Write(context, answered.Value);
            }
        });
        return command;
    }

    // Rejected lines are part of the answer, but a script must see that the file was not imported whole.
    private static int Write(CliContext context, HotlistImportReport report)
    {
        var output = context.Console.Out;
        output.WriteLine(report.DryRun
            ? string.Create(CultureInfo.InvariantCulture, $"Dry run: {report.Valid} line(s) valid, {report.Rejected.Count} rejected; nothing imported")
            : string.Create(CultureInfo.InvariantCulture, $"Imported: {report.Added} added, {report.Updated} updated, {report.Rejected.Count} rejected"));
        if (report.Rejected.Count == 0)
        {
            return ExitCodes.Ok;
        }

        TextTable.Write(output, Headers,
            [.. report.Rejected.Select(r => (IReadOnlyList<string>)[r.Line.ToString(CultureInfo.InvariantCulture), r.Field, r.Rule, r.Problem])]);
        return context.Fail(new CliError(ExitCodes.Failure, string.Create(CultureInfo.InvariantCulture,
            $"{report.Rejected.Count} line(s) rejected (listed above){(report.DryRun ? "" : "; the valid lines were imported")}")));
    }
}
